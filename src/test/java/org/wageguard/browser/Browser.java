package org.wageguard.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}). Where none is installed the
 * browser tests are skipped with the reason printed, unless {@code WAGEGUARD_REQUIRE_BROWSER=1} (set by CI), in
 * which case they fail.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** How long {@code findElement} waits for an element of a page that is still loading. */
    static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open(int width, int height) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String reason = "未安装 Chromium（" + CHROMIUM + "、" + CHROMEDRIVER + "），跳过浏览器测试；"
                    + "安装：apt-get install -y chromium chromium-driver fonts-wqy-zenhei";
            if ("1".equals(System.getenv("WAGEGUARD_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(reason + "（WAGEGUARD_REQUIRE_BROWSER=1，不允许跳过）");
            }
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        Path profile = Files.createTempDirectory("wageguard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Signs in on {@code base + "/login"} and waits for the home page, so that the next navigation cannot abort
     * the login request still in flight.
     */
    public void login(String base, String username) {
        driver.get(base + "/login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys("Demo@2021");
        submit(driver.findElement(org.openqa.selenium.By.id("login-submit")));
        driver.findElement(org.openqa.selenium.By.id("logout"));
    }

    /** Signs out and waits for the login page that confirms it. */
    public void logout() {
        submit(driver.findElement(org.openqa.selenium.By.id("logout")));
        driver.findElement(org.openqa.selenium.By.id("login-info"));
    }

    /**
     * Clicks a button that submits a form or follows a link, and waits until the page it was on has gone, so
     * that what is read next is read from the new page.
     */
    public void submit(org.openqa.selenium.WebElement button) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        try {
            button.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            // A page reached by a redirect to an anchor may still be smooth-scrolling there (Bootstrap's
            // scroll-behavior), which carries the button out of view again: click it where it is.
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click()", button);
        }
        awaitGone(driver, button);
    }

    /**
     * Waits until an element's page has been replaced. Chromium answers for an element of a page being torn down
     * either "stale element" or, since version 156 at times, an inspector error that the node "does not belong to
     * the document"; both mean it is gone (Selenium's own stalenessOf knows only the first).
     */
    public static void awaitGone(WebDriver driver, org.openqa.selenium.WebElement element) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PATIENCE).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** The longest any condition of a journey is waited for (a page, an element, a layout). */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Waits until the condition holds, polling; fails with the condition's description after {@link #PATIENCE}. */
    public <T> T await(String what, java.util.function.Function<WebDriver, T> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, PATIENCE).withMessage(what).until(condition);
    }

    /**
     * Waits until the page has loaded completely: its document, style sheets, scripts, web fonts and images (but those
     * loaded lazily, which wait to be scrolled to).
     */
    public void awaitLoaded() {
        await("the page loaded with its images and fonts", d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete'"
                        + " && Array.from(document.images).every(i => i.complete || i.loading === 'lazy')"
                        + " && (!document.fonts || document.fonts.status === 'loaded')")));
    }

    /**
     * The elements of the loaded page that match, found at once: an assertion that something is absent must not
     * wait out the implicit wait (five seconds each), and it must not pass on a page still loading, so the page's
     * load is waited for first.
     */
    public java.util.List<org.openqa.selenium.WebElement> findNow(org.openqa.selenium.By by) {
        awaitLoaded();
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(by);
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /**
     * Scrolls the element with this id to the top of the window once the page has loaded, and waits until it stays
     * there (charts and images that settle the layout would otherwise move it after the scroll): for screenshots.
     */
    public void scrollToTop(String id) {
        awaitLoaded();
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        double[] last = {Double.NaN};
        await("#" + id + " scrolled to the top and at rest", d -> {
            js.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start', behavior: 'instant'});", id);
            double top = ((Number) js.executeScript(
                    "return document.getElementById(arguments[0]).getBoundingClientRect().top + window.scrollY;", id))
                    .doubleValue();
            boolean still = top == last[0];
            last[0] = top;
            return still;
        });
    }

    /** Saves a full-window PNG under {@code target/screenshots/} for a person to look at. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        org.springframework.util.FileSystemUtils.deleteRecursively(profile);
    }
}
