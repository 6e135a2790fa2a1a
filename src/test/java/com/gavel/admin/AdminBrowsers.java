package com.gavel.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.gavel.web.Browsers;

/**
 * Headless Chromium for the admin page tests: the bidder page tests' {@link Browsers} (the OS's
 * chromedriver named explicitly, a fresh profile per browser, skipped without a driver except when
 * {@code GAVEL_REQUIRE_BROWSER=true}, and a failed test when a page reported a
 * Content-Security-Policy violation), plus what the admin tests need on top: a longer wait,
 * confirm dialogs and full-page screenshots.
 * <p>
 * A test class registers one as a JUnit extension ({@code @RegisterExtension final AdminBrowsers
 * browsers = new AdminBrowsers();}): it checks for Chromium before each test, screenshots every
 * open browser when the test fails (while they still show what went wrong) and closes them after it.
 */
final class AdminBrowsers
		implements AutoCloseable, BeforeEachCallback, TestExecutionExceptionHandler, AfterEachCallback {

	/** How long a page may take to show what the server just did: bounded, generous for slow CI. */
	static final Duration WAIT = Duration.ofSeconds(15);

	private final Browsers browsers = new Browsers();

	private final List<WebDriver> drivers = new ArrayList<>();

	@Override
	public void beforeEach(ExtensionContext context) {
		Browsers.requireBrowser();
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		screenshotAll("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
				+ context.getRequiredTestMethod().getName());
		throw failure;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	/** A new browser with its own profile, so its own cookies and its own user. */
	WebDriver open(int width, int height) {
		WebDriver driver = this.browsers.open(width, height);
		this.drivers.add(driver);
		return driver;
	}

	static WebDriverWait waiting(WebDriver driver) {
		return Browsers.waiting(driver, WAIT);
	}

	static void signIn(WebDriver driver, String baseUrl, String username, String password) {
		Browsers.signIn(driver, baseUrl, username, password);
	}

	static By role(String role) {
		return Browsers.role(role);
	}

	static String text(WebDriver driver, String role) {
		return Browsers.text(driver, role);
	}

	/** Answers the page's confirm() with OK. */
	static void confirm(WebDriver driver) {
		Alert alert = waiting(driver).until(ExpectedConditions.alertIsPresent());
		alert.accept();
	}

	/** The whole page as {@code target/screenshots/name.png} ({@link Browsers#screenshotWholePage}). */
	static Path screenshot(WebDriver driver, String name) {
		return Browsers.screenshotWholePage(driver, name);
	}

	/** Screenshots of every open browser, named after the failed test, to see what went wrong. */
	private void screenshotAll(String prefix) {
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
		this.drivers.clear();
		this.browsers.close();
	}

}
