package org.wageguard.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A browser journey on the demo application: one headless Chromium for the class, pages by path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    @LocalServerPort int port;
    Browser browser;

    @BeforeAll
    void open() throws Exception {
        browser = Browser.open(1366, 1000);
    }

    @AfterAll
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    WebDriver d() {
        return browser.driver();
    }

    String base() {
        return "http://localhost:" + port;
    }

    void go(String path) {
        d().get(base() + path);
    }
}
