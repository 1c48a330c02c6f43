package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.wageguard.portal.CodeSender;
import org.wageguard.portal.internal.NoSmsGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a deployment without an SMS gateway (outside the demo profile, {@link NoSmsGateway}) tells the worker on
 * the wage page that codes cannot be sent and where to go instead, and offers no form that would make a code. The
 * demo data stay (the demo profile) but the sender is the one a real deployment without a gateway gets.
 */
class PortalWithoutSmsBrowserTests extends BrowserJourney {

    @TestConfiguration
    static class WithoutGateway {
        @Bean
        @Primary
        CodeSender noSmsGateway() {
            return new NoSmsGateway();
        }
    }

    @Test
    void theWagePageSaysThatCodesCannotBeSent() throws Exception {
        d().manage().window().setSize(new Dimension(390, 844));
        go("/portal/wages");
        assertThat(d().findElement(By.id("sms-not-configured")).getText()).contains("尚未接入短信平台", "12333");
        assertThat(findNow(By.id("wage-code-form"))).isEmpty();
        browser.screenshot("portal-wages-no-sms");
    }
}
