package org.wageguard.portal.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.wageguard.portal.CodeSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14: which code sender a deployment gets. Outside the demo profile, without an SMS gateway, the console sender
 * (which writes each wage code to the log) used to be wired; now nothing that sends or logs a code is.
 */
class PortalConfigurationTests {

    static final String MESSAGE = "【护薪】您查询本人工资记录的验证码为482913，5分钟内有效，请勿告诉他人。";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PortalConfiguration.class);

    /** Attack: read the production log for wage codes after a worker asked for one. */
    @Test
    void outsideTheDemoProfileWithoutAGatewayNoCodeReachesTheLog() {
        runner.withInitializer(c -> c.getEnvironment().setActiveProfiles("prod")).run(context -> {
            CodeSender sender = context.getBean(CodeSender.class);
            assertThat(sender.configured()).isFalse();
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ListAppender<ILoggingEvent> log = new ListAppender<>();
            log.start();
            root.addAppender(log);
            try {
                assertThatThrownBy(() -> sender.send("13907375079", MESSAGE)).isInstanceOf(IllegalStateException.class);
            } finally {
                root.detachAppender(log);
            }
            assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains("482913"));
        });
    }

    @Test
    void theDemoProfileKeepsTheConsoleSenderAndAGatewayReplacesBoth() {
        runner.withInitializer(c -> c.getEnvironment().setActiveProfiles("demo"))
                .run(context -> assertThat(context.getBean(CodeSender.class)).isInstanceOf(ConsoleCodeSender.class));
        CodeSender gateway = (phone, message) -> { };
        new ApplicationContextRunner().withBean("cityGateway", CodeSender.class, () -> gateway)
                .withUserConfiguration(PortalConfiguration.class)
                .withInitializer(c -> c.getEnvironment().setActiveProfiles("prod"))
                .run(context -> assertThat(context.getBean(CodeSender.class)).isSameAs(gateway));
    }
}
