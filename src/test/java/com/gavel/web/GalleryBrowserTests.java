package com.gavel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.admin.LotCategories;
import com.gavel.admin.LotPhotos;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.script;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos in a real browser: the lot page's gallery (thumbnails switch the main photo; the
 * enlarged view opens from the keyboard, moves with the arrows, closes with Escape or its button
 * and gives focus back), the card thumbnails of the catalogue, and lots without photos, which show
 * no image at all. The pages' Content-Security-Policy is enforced throughout (Browsers).
 */
@WebSpringBootTest
class GalleryBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	LotPhotos photos;

	@Autowired
	LotCategories categories;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	String base() {
		return "http://localhost:" + this.port;
	}

	/** One of the demo house's photos, drawn for Gavel. */
	static byte[] demoPhoto(String name) {
		try (InputStream in = GalleryBrowserTests.class.getResourceAsStream("/demo/" + name + ".jpg")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	LotView lotWithPhotos(String title, String category, String... photoAndAlt) {
		LotView lot = WebFixtures.openLot(this.engine, title + " " + UUID.randomUUID().toString().substring(0, 4),
				Duration.ofMinutes(20), Duration.ofMinutes(2), Duration.ofMinutes(2));
		for (int i = 0; i < photoAndAlt.length; i += 2) {
			this.photos.addForHouse(lot.id(), demoPhoto(photoAndAlt[i]), photoAndAlt[i] + ".jpg", photoAndAlt[i + 1]);
		}
		if (category != null) {
			this.categories.setForHouse(lot.id(), category);
		}
		return lot;
	}

	static WebElement main(WebDriver driver) {
		return driver.findElement(role("gallery-image"));
	}

	static boolean loaded(WebDriver driver, WebElement image) {
		return Boolean.TRUE.equals(script(driver, "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
	}

	static void press(WebDriver driver, CharSequence key) {
		driver.switchTo().activeElement().sendKeys(key);
	}

	@Test
	void thumbnailsSwitchThePhotoAndTheEnlargedViewWorksFromTheKeyboard() {
		LotView lot = lotWithPhotos("Gallery pocket watch", "Clocks & watches", "pocket-watch",
				"Front of the watch, open, with its chain", "mantel-clock", "A marble mantel clock for comparison",
				"carriage-clock", "The brass carriage clock from the same house");
		List<LotPhotos.Picture> pictures = this.photos.pictures(lot.id());

		WebDriver visitor = this.browsers.open();
		visitor.get(base() + "/lots/" + lot.id());
		until(visitor, (d) -> script(d, "return window.gavelGallery && window.gavelGallery.ready") != null);
		assertThat(visitor.findElement(role("lot-category")).getText()).isEqualTo("Clocks & watches");
		WebElement photo = main(visitor);
		assertThat(photo.getAttribute("alt")).isEqualTo("Front of the watch, open, with its chain");
		assertThat(photo.getAttribute("src")).endsWith(pictures.get(0).display().url());
		assertThat(photo.getDomAttribute("width")).isEqualTo("1200");
		until(visitor, (d) -> loaded(d, main(d)));
		List<WebElement> thumbs = visitor.findElements(role("gallery-thumb"));
		assertThat(thumbs).hasSize(3);
		assertThat(thumbs.get(0).getAttribute("aria-current")).isEqualTo("true");
		assertThat(thumbs.get(1).getAttribute("aria-label"))
			.isEqualTo("Show photo 2 of 3: A marble mantel clock for comparison");
		Browsers.screenshot(visitor, "lot-page-gallery");

		// A thumbnail switches the main photo.
		thumbs.get(1).click();
		until(visitor, (d) -> main(d).getAttribute("src").endsWith(pictures.get(1).display().url()));
		assertThat(main(visitor).getAttribute("alt")).isEqualTo("A marble mantel clock for comparison");
		assertThat(thumbs.get(1).getAttribute("aria-current")).isEqualTo("true");
		assertThat(thumbs.get(0).getAttribute("aria-current")).isNull();

		// Enter on the photo opens the enlarged view at that photo, with focus inside it.
		script(visitor, "arguments[0].focus()", visitor.findElement(role("gallery-open")));
		press(visitor, Keys.ENTER);
		WebElement lightbox = visitor.findElement(role("lightbox"));
		until(visitor, (d) -> Boolean.TRUE.equals(script(d, "return arguments[0].open", lightbox)));
		WebElement big = visitor.findElement(role("lightbox-image"));
		assertThat(big.getAttribute("alt")).isEqualTo("A marble mantel clock for comparison");
		assertThat(visitor.findElement(role("lightbox-count")).getText()).isEqualTo("Photo 2 of 3");
		assertThat(visitor.switchTo().activeElement().getAttribute("data-role")).isEqualTo("lightbox-close");
		assertThat(visitor.findElement(role("lightbox-close")).isDisplayed()).isTrue();

		// The arrows move, round the ends too.
		press(visitor, Keys.ARROW_RIGHT);
		until(visitor, (d) -> big.getAttribute("alt").equals("The brass carriage clock from the same house"));
		assertThat(visitor.findElement(role("lightbox-count")).getText()).isEqualTo("Photo 3 of 3");
		until(visitor, (d) -> loaded(d, big));
		Browsers.screenshot(visitor, "lot-page-enlarged");
		press(visitor, Keys.ARROW_RIGHT);
		until(visitor, (d) -> big.getAttribute("alt").equals("Front of the watch, open, with its chain"));
		press(visitor, Keys.ARROW_LEFT);
		until(visitor, (d) -> big.getAttribute("alt").equals("The brass carriage clock from the same house"));

		// Escape closes it; focus is back on the photo, which now shows where the viewer went.
		press(visitor, Keys.ESCAPE);
		until(visitor, (d) -> Boolean.FALSE.equals(script(d, "return arguments[0].open", lightbox)));
		until(visitor, (d) -> "gallery-open".equals(d.switchTo().activeElement().getAttribute("data-role")));
		assertThat(main(visitor).getAttribute("src")).endsWith(pictures.get(2).display().url());
		assertThat(thumbs.get(2).getAttribute("aria-current")).isEqualTo("true");

		// The visible close button closes it too.
		visitor.findElement(role("gallery-open")).click();
		until(visitor, (d) -> Boolean.TRUE.equals(script(d, "return arguments[0].open", lightbox)));
		visitor.findElement(role("lightbox-close")).click();
		until(visitor, (d) -> Boolean.FALSE.equals(script(d, "return arguments[0].open", lightbox)));
		until(visitor, (d) -> "gallery-open".equals(d.switchTo().activeElement().getAttribute("data-role")));

		WebDriver phone = this.browsers.open(390, 844);
		phone.get(base() + "/lots/" + lot.id());
		until(phone, (d) -> loaded(d, main(d)));
		Browsers.screenshot(phone, "lot-page-gallery-phone");
	}

	@Test
	void everyCardWithAPhotoShowsItsThumbnailAndNoCardShowsABrokenImage() {
		LotView lamp = lotWithPhotos("Card desk lamp", "Lighting", "desk-lamp", "Brass desk lamp with a green shade",
				"oil-lamp", "A second photo, not on the card");
		LotView vase = lotWithPhotos("Card celadon vase", "Ceramics & glass", "celadon-vase",
				"Pale green vase with a crackled glaze");
		LotView bare = lotWithPhotos("Card without photo", null);

		WebDriver visitor = this.browsers.open();
		visitor.get(base() + "/");
		By lampCard = By.cssSelector("li.lot-card[data-lot-id=\"" + lamp.id() + "\"]");
		waiting(visitor).until(ExpectedConditions.presenceOfElementLocated(lampCard));
		WebElement thumb = visitor.findElement(lampCard).findElement(role("card-photo"));
		assertThat(thumb.getAttribute("alt")).isEqualTo("Brass desk lamp with a green shade");
		assertThat(thumb.getAttribute("loading")).isEqualTo("lazy");
		assertThat(thumb.getDomAttribute("width")).isEqualTo("320");
		assertThat(thumb.getDomAttribute("height")).isEqualTo("240");
		assertThat(thumb.getAttribute("src")).endsWith(this.photos.pictures(lamp.id()).get(0).thumb().url());
		script(visitor, "arguments[0].scrollIntoView({block: 'center'})", thumb);
		until(visitor, (d) -> loaded(d, thumb));
		assertThat(visitor.findElement(lampCard).findElement(role("card-category")).getText()).isEqualTo("LIGHTING");
		WebElement bareCard = visitor.findElement(By.cssSelector("li.lot-card[data-lot-id=\"" + bare.id() + "\"]"));
		assertThat(bareCard.findElements(By.tagName("img"))).isEmpty();
		script(visitor, "window.scrollTo(0, 0)");
		until(visitor, (d) -> loaded(d, d.findElement(By.cssSelector("li.lot-card[data-lot-id=\"" + vase.id() + "\"]"))
			.findElement(role("card-photo"))));
		Browsers.screenshot(visitor, "catalogue-thumbnails");

		// Every image the page has loaded is a real picture: none broken.
		for (WebElement image : visitor.findElements(By.tagName("img"))) {
			if (Boolean.TRUE.equals(script(visitor, "return arguments[0].complete", image))) {
				assertThat(loaded(visitor, image)).as(image.getAttribute("src")).isTrue();
			}
		}

		// The category links narrow the catalogue.
		visitor.findElement(role("categories")).findElement(By.linkText("Lighting")).click();
		until(visitor, (d) -> d.getCurrentUrl().contains("category=Lighting"));
		assertThat(visitor.findElements(lampCard)).hasSize(1);
		assertThat(visitor.findElements(By.cssSelector("li.lot-card[data-lot-id=\"" + vase.id() + "\"]"))).isEmpty();
		assertThat(visitor.findElement(role("categories")).findElement(By.cssSelector("[aria-current=page]")).getText())
			.isEqualTo("Lighting");

		WebDriver phone = this.browsers.open(390, 844);
		phone.get(base() + "/");
		WebElement first = phone.findElement(lampCard).findElement(role("card-photo"));
		script(phone, "arguments[0].scrollIntoView({block: 'start'})", first);
		until(phone, (d) -> loaded(d, first));
		Browsers.screenshot(phone, "catalogue-thumbnails-phone");
	}

	@Test
	void aLotWithoutPhotosShowsNoImageAndNoGallery() {
		LotView bare = lotWithPhotos("Lot without photos", null);
		WebDriver visitor = this.browsers.open();
		visitor.get(base() + "/lots/" + bare.id());
		waiting(visitor).until(ExpectedConditions.presenceOfElementLocated(role("price")));
		assertThat(visitor.findElements(role("gallery"))).isEmpty();
		assertThat(visitor.findElements(By.cssSelector(".lot-main img"))).isEmpty();
		assertThat(visitor.findElements(By.cssSelector("script[src$='gallery.js']"))).isEmpty();
	}

}
