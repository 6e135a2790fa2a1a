package com.gavel.admin;

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
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Chromium for the admin page tests, the same way the bidder page tests drive it (the
 * OS's chromedriver named explicitly, a fresh profile per browser). Skipped without a driver,
 * except when {@code GAVEL_REQUIRE_BROWSER=true}, where that is a failure.
 */
final class AdminBrowsers implements AutoCloseable {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** How long a page may take to show what the server just did: bounded, generous for slow CI. */
	static final Duration WAIT = Duration.ofSeconds(15);

	private final List<WebDriver> drivers = new ArrayList<>();

	private final List<Path> profiles = new ArrayList<>();

	private ChromeDriverService service;

	static void requireBrowser() {
		if (Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv("GAVEL_REQUIRE_BROWSER"))) {
			fail("GAVEL_REQUIRE_BROWSER=true but " + CHROMEDRIVER + " is missing");
		}
		Assumptions.abort("no " + CHROMEDRIVER + ": browser tests skipped");
	}

	/** A new browser with its own profile, so its own cookies and its own user. */
	WebDriver open(int width, int height) {
		requireBrowser();
		if (this.service == null) {
			this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("gavel-admin-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.profiles.add(profile);
		ChromeOptions options = new ChromeOptions();
		if (Files.isExecutable(CHROMIUM)) {
			options.setBinary(CHROMIUM.toFile());
		}
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height,
				"--lang=en-US");
		WebDriver driver = new ChromeDriver(this.service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		this.drivers.add(driver);
		return driver;
	}

	static WebDriverWait waiting(WebDriver driver) {
		WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	static void signIn(WebDriver driver, String baseUrl, String username, String password) {
		driver.get(baseUrl + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		waiting(driver).until(ExpectedConditions.presenceOfElementLocated(role("who")));
	}

	static By role(String role) {
		return By.cssSelector("[data-role=\"" + role + "\"]");
	}

	static String text(WebDriver driver, String role) {
		return driver.findElement(role(role)).getText();
	}

	/** Answers the page's confirm() with OK. */
	static void confirm(WebDriver driver) {
		Alert alert = waiting(driver).until(ExpectedConditions.alertIsPresent());
		alert.accept();
	}

	/**
	 * Saves the whole page (not just the window) as {@code target/screenshots/name.png}: the window
	 * grows to the page's height for the shot, then goes back.
	 */
	static Path screenshot(WebDriver driver, String name) {
		Dimension before = driver.manage().window().getSize();
		try {
			Files.createDirectories(SCREENSHOTS);
			Number height = (Number) ((JavascriptExecutor) driver)
				.executeScript("return document.documentElement.scrollHeight");
			int chrome = before.getHeight() - ((Number) ((JavascriptExecutor) driver)
				.executeScript("return window.innerHeight")).intValue();
			driver.manage().window().setSize(new Dimension(before.getWidth(),
					Math.min(4000, Math.max(before.getHeight(), height.intValue() + chrome))));
			Path target = SCREENSHOTS.resolve(name + ".png");
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			driver.manage().window().setSize(before);
		}
	}

	/** Screenshots of every open browser, named after the failed test, to see what went wrong. */
	void screenshotAll(String prefix) {
		for (int i = 0; i < this.drivers.size(); i++) {
			try {
				screenshot(this.drivers.get(i), prefix + "-" + i);
			}
			catch (RuntimeException ex) {
				// the browser may be the thing that failed
			}
		}
	}

	@Override
	public void close() {
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
			try (Stream<Path> paths = Files.walk(profile)) {
				paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
			catch (IOException | UncheckedIOException ex) {
				// a temp folder left behind is harmless
			}
		}
		this.profiles.clear();
	}

}
