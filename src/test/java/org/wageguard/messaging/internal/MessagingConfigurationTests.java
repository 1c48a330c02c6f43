package org.wageguard.messaging.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.wageguard.messaging.SmsGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: which SMS gateway a deployment gets. The console (which writes every text, one-time codes included, to the
 * log) only in the demo profile; outside it a deployment that chose nothing sends nothing and says so, and one that
 * asks for the console does not start. Plain context runners: no application context of the suite.
 */
class MessagingConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, MessagingConfiguration.class);

    /** Attack: read the production log for wage codes after a worker asked for one. */
    @Test
    void outsideTheDemoWithoutAGatewayNothingIsSentAndNothingLogged() {
        runner.withInitializer(c -> c.getEnvironment().setActiveProfiles("prod")).run(context -> {
            SmsGateway gateway = context.getBean(SmsGateway.class);
            assertThat(gateway).isInstanceOf(NoSmsGateway.class);
            assertThat(gateway.configured()).isFalse();
        });
    }

    @Test
    void theConsoleIsRefusedOutsideTheDemoProfile() {
        runner.withInitializer(c -> c.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("wageguard.sms.gateway=console")
                .run(context -> assertThat(context).hasFailed());
        runner.withInitializer(c -> c.getEnvironment().setActiveProfiles("demo"))
                .withPropertyValues("wageguard.sms.gateway=console")
                .run(context -> assertThat(context.getBean(SmsGateway.class)).isInstanceOf(ConsoleSmsGateway.class));
    }

    @Test
    void httpIsChosenByOnePropertyAndNeedsTheUrl() {
        runner.withPropertyValues("wageguard.sms.gateway=http", "wageguard.sms.http.url=http://127.0.0.1:9/send",
                "wageguard.sms.templates.WAGE_PAID=SMS_200001")
                .run(context -> {
                    assertThat(context.getBean(SmsGateway.class)).isInstanceOf(HttpSmsGateway.class);
                    assertThat(context.getBean(SmsProperties.class).template(org.wageguard.messaging.MessageKind.WAGE_PAID))
                            .isEqualTo("SMS_200001");
                });
        runner.withPropertyValues("wageguard.sms.gateway=http").run(context -> assertThat(context).hasFailed());
    }
}
