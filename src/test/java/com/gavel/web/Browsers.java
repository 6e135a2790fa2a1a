package com.gavel.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.fail;

/**
 * Real headless Chromium for the page tests, driven through the OS's chromedriver (named
 * explicitly, so Selenium Manager never downloads anything). Each browser gets a fresh profile.
 * Without a driver the tests are skipped, except when {@code GAVEL_REQUIRE_BROWSER=true} (CI),
 * where they fail instead.
 * <p>
 * Every browser keeps its console log, and {@link #close()} fails the test when any page it showed
 * reported a Content-Security-Policy violation (or refused anything else), so no browser test
 * passes on a page whose scripts or styles the policy blocked.
 * <p>
 * A test class registers one as a JUnit extension ({@code @RegisterExtension final Browsers
 * browsers = new Browsers();}): it checks for Chromium before each test and closes the browsers
 * after it.
 */
public final class Browsers implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** How long a page may take to show what the server just did. Generous: CI machines are slow. */
	static final Duration WAIT = Duration.ofSeconds(10);

	private final List<WebDriver> drivers = new ArrayList<>();

	private final List<Path> profiles = new ArrayList<>();

	private ChromeDriverService service;

	@Override
	public void beforeEach(ExtensionContext context) {
		requireBrowser();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	/** Skips (locally) or fails (CI) the calling test when there is no Chromium to drive. */
	public static void requireBrowser() {
		boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
		if (present) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv("GAVEL_REQUIRE_BROWSER"))) {
			fail("GAVEL_REQUIRE_BROWSER=true but " + CHROMEDRIVER + " or " + CHROMIUM + " is missing");
		}
		Assumptions.abort("no " + CHROMEDRIVER + " / " + CHROMIUM + ": browser tests skipped");
	}

	/** A new desktop-sized browser with its own profile (its own cookies, so its own user). */
	WebDriver open() {
		return open(1280, 900);
	}

	public WebDriver open(int width, int height) {
		return open(width, height, "en-US");
	}

	/**
	 * A new browser whose user wants pages in {@code language} (a BCP 47 tag such as
	 * {@code pt-BR}): its interface language and the {@code Accept-Language} it sends.
	 */
	public WebDriver open(int width, int height, String language) {
		requireBrowser();
		if (this.service == null) {
			this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("gavel-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.profiles.add(profile);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height,
				"--lang=" + language);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		WebDriver driver = new ChromeDriver(this.service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		this.drivers.add(driver);
		return driver;
	}

	static WebDriverWait waiting(WebDriver driver) {
		return waiting(driver, WAIT);
	}

	public static WebDriverWait waiting(WebDriver driver, Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(25));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	/** Signs in through the login form and waits until the server took it. */
	public static void signIn(WebDriver driver, String baseUrl, String username, String password) {
		driver.get(baseUrl + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-role=who]")));
	}

	/** The element with {@code data-role=role} on the page. */
	public static By role(String role) {
		return By.cssSelector("[data-role=\"" + role + "\"]");
	}

	public static String text(WebDriver driver, String role) {
		return driver.findElement(role(role)).getText();
	}

	/** Waits until the connection indicator says live (the socket has said hello). */
	static void awaitLive(WebDriver driver) {
		waiting(driver).until(ExpectedConditions.attributeToBe(role("connection"), "data-state", "live"));
	}

	static <T> T until(WebDriver driver, Function<WebDriver, T> condition) {
		return waiting(driver).until(condition::apply);
	}

	/**
	 * Records every frame the page sends on its sockets from now on (once per document, however
	 * often it is called), and marks the document, which a reload loses.
	 */
	static void recordSentFrames(WebDriver driver) {
		script(driver, """
				window.__sent = window.__sent || [];
				window.__sameDocument = 'yes';
				if (!WebSocket.prototype.__recording) {
				  const send = WebSocket.prototype.send;
				  WebSocket.prototype.send = function (data) { window.__sent.push(String(data)); return send.call(this, data); };
				  WebSocket.prototype.__recording = true;
				}""");
	}

	/** The bid frames the page sent since {@link #recordSentFrames}. */
	@SuppressWarnings("unchecked")
	static List<String> bidFramesSent(WebDriver driver) {
		List<String> sent = (List<String>) script(driver, "return window.__sent || [];");
		return sent.stream().filter((f) -> f.contains("\"type\":\"bid\"")).toList();
	}

	static Object script(WebDriver driver, String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	static boolean visible(WebDriver driver, String role) {
		List<WebElement> found = driver.findElements(role(role));
		return !found.isEmpty() && found.get(0).isDisplayed();
	}

	/**
	 * Saves the whole page (not just the window) as {@code target/screenshots/name.png}: the window
	 * grows to the page's height for the shot (at most 4000 pixels), then goes back.
	 */
	public static Path screenshotWholePage(WebDriver driver, String name) {
		Dimension before = driver.manage().window().getSize();
		try {
			Number height = (Number) script(driver, "return document.documentElement.scrollHeight");
			int chrome = before.getHeight() - ((Number) script(driver, "return window.innerHeight")).intValue();
			driver.manage().window().setSize(new Dimension(before.getWidth(),
					Math.min(4000, Math.max(before.getHeight(), height.intValue() + chrome))));
			return screenshot(driver, name);
		}
		finally {
			driver.manage().window().setSize(before);
		}
	}

	/** Saves what the browser shows as {@code target/screenshots/name.png}. */
	public static Path screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The policy violations (and other refusals) the browser logged since the last call, which it
	 * then forgets. A marker is written to the console first and must come back: console messages
	 * arrive in order, so every violation logged before this call is in the answer, however late.
	 */
	public static List<String> policyViolations(WebDriver driver) {
		String marker = "gavel-log-marker-" + UUID.randomUUID();
		try {
			script(driver, "console.info(arguments[0])", marker);
		}
		catch (UnhandledAlertException ex) {
			// chromedriver dismissed the dialog that was open; the page can run the script now
			script(driver, "console.info(arguments[0])", marker);
		}
		List<String> violations = new ArrayList<>();
		boolean marked = false;
		for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
			String message = entry.getMessage();
			if (message.contains(marker)) {
				marked = true;
			}
			else if (message.contains("Content Security Policy") || message.contains("Refused to")) {
				violations.add(message);
			}
		}
		if (!marked) {
			fail("the browser log does not show the marker just written, so it cannot say what the pages reported");
		}
		return violations;
	}

	/** Closes every browser; fails when any of them logged a policy violation it was not asked about. */
	@Override
	public void close() {
		List<String> violations = new ArrayList<>();
		AssertionError unreadable = null;
		for (WebDriver driver : this.drivers) {
			try {
				violations.addAll(policyViolations(driver));
			}
			catch (AssertionError ex) {
				unreadable = ex;
			}
			catch (RuntimeException ex) {
				unreadable = new AssertionError("could not read a browser's log: " + ex, ex);
			}
		}
		// Read every log before quitting any browser: quitting one stops the shared driver service.
		for (WebDriver driver : this.drivers) {
			try {
				driver.quit();
			}
			catch (RuntimeException ex) {
				// already gone
			}
		}
		this.drivers.clear();
		if (this.service != null) {
			this.service.stop();
			this.service = null;
		}
		for (Path profile : this.profiles) {
			deleteQuietly(profile);
		}
		this.profiles.clear();
		if (!violations.isEmpty()) {
			fail("the pages reported Content-Security-Policy violations:\n" + String.join("\n", violations));
		}
		if (unreadable != null) {
			throw unreadable;
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temp folder left behind is harmless
		}
	}

}
