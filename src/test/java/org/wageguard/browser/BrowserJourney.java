package org.wageguard.browser;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A browser journey on the demo application: one headless Chromium for the class, pages by path. Every browser test
 * class extends this one, and so shares one application context (one server, one database) with all the others: a
 * browser test class adds no {@code @SpringBootTest}, {@code @ActiveProfiles}, {@code @TestConfiguration} or
 * {@code @MockitoBean} of its own, since each would start another application with its own PostgreSQL and demo data.
 * <p>
 * A journey waits on conditions, never on time: {@link Browser#submit} waits for the next page, {@code findElement}
 * for an element still to come, {@link #findNow} for the loaded page, {@link #waitUntil} for anything else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    /** The window of an officer's desktop. */
    static final Dimension DESKTOP = new Dimension(1366, 1000);
    /** The window of a phone (a worker on the portal, a grid worker, an inspector on site). */
    static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort int port;
    Browser browser;

    /** The window the journey starts in; a phone journey returns {@link #PHONE}. */
    Dimension window() {
        return DESKTOP;
    }

    @BeforeAll
    void open() throws Exception {
        browser = Browser.open(window().getWidth(), window().getHeight());
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

    /** The elements of the loaded page that match, found without waiting: for asserting that something is absent. */
    List<WebElement> findNow(By by) {
        return browser.findNow(by);
    }

    /** Waits until the condition holds (never for a fixed time). */
    <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return browser.await(what, condition);
    }

    /** Scrolls the element with this id to the top of the window once the layout has settled (for screenshots). */
    void scrollToTop(String id) {
        browser.scrollToTop(id);
    }
}
