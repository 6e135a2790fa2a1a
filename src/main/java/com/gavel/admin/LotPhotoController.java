package com.gavel.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import com.gavel.account.GavelUser;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotAdminView;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lot photos: admins upload them (with their alt text), describe and remove them on the admin lot
 * page; anyone may look at the photos of a public lot, admins at those of drafts too. The
 * original is at {@code /lots/{id}/photos/{photoId}}; its variants at URLs that carry the start
 * of their hash ({@link LotPhotos#url}), so those never change and are cached for a year.
 */
@Controller
class LotPhotoController {

	private final LotPhotos photos;

	private final AuctionCatalog catalog;

	private final MessageSource messages;

	LotPhotoController(LotPhotos photos, AuctionCatalog catalog, MessageSource messages) {
		this.photos = photos;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** A variant's URL: the kind, then the start of its hash. */
	private static final String VARIANT = "/lots/{id}/photos/{photoId}/{kind:thumb|display}-{hash:[0-9a-f]{16}}.jpg";

	/** Variants never change under their URL: caches may keep them for a year without asking again. */
	private static final Duration FOREVER = Duration.ofDays(365);

	@PostMapping("/admin/lots/{id}/photos")
	String upload(@PathVariable long id, @RequestParam(name = "photo", required = false) MultipartFile file,
			@RequestParam(name = "alt", required = false) String alt, @AuthenticationPrincipal GavelUser admin,
			RedirectAttributes redirect, Locale locale) throws IOException {
		LotAdminView lot = this.catalog.adminLot(id).orElseThrow(AdminLotController::notFound);
		if ("closed".equals(lot.status()) || "cancelled".equals(lot.status())) {
			redirect.addFlashAttribute("photoError", text("admin.photos.error.finished", locale));
		}
		else {
			try {
				this.photos.add(admin, id, file == null ? null : file.getBytes(),
						file == null ? null : file.getOriginalFilename(), alt);
				redirect.addFlashAttribute("notice", text("admin.photos.added", locale));
			}
			catch (LotPhotos.RefusedException ex) {
				redirect.addFlashAttribute("photoError", text(ex.messageKey(), locale));
			}
		}
		return "redirect:/admin/lots/" + id + "#photos";
	}

	@PostMapping("/admin/lots/{id}/photos/{photoId}/alt")
	String describe(@PathVariable long id, @PathVariable long photoId,
			@RequestParam(name = "alt", required = false) String alt, @AuthenticationPrincipal GavelUser admin,
			RedirectAttributes redirect, Locale locale) {
		LotAdminView lot = this.catalog.adminLot(id).orElseThrow(AdminLotController::notFound);
		if ("closed".equals(lot.status()) || "cancelled".equals(lot.status())) {
			redirect.addFlashAttribute("photoError", text("admin.photos.error.finished", locale));
			return "redirect:/admin/lots/" + id + "#photos";
		}
		try {
			if (this.photos.describe(admin, id, photoId, alt)) {
				redirect.addFlashAttribute("notice", text("admin.photos.described", locale));
			}
		}
		catch (LotPhotos.RefusedException ex) {
			redirect.addFlashAttribute("photoError", text(ex.messageKey(), locale));
		}
		return "redirect:/admin/lots/" + id + "#photos";
	}

	@PostMapping("/admin/lots/{id}/photos/{photoId}/delete")
	String delete(@PathVariable long id, @PathVariable long photoId, @AuthenticationPrincipal GavelUser admin,
			RedirectAttributes redirect, Locale locale) {
		this.catalog.adminLot(id).orElseThrow(AdminLotController::notFound);
		if (this.photos.remove(admin, id, photoId)) {
			redirect.addFlashAttribute("notice", text("admin.photos.removed", locale));
		}
		return "redirect:/admin/lots/" + id + "#photos";
	}

	/** A public lot's photo, for everyone. */
	@GetMapping("/lots/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		this.catalog.lot(id).orElseThrow(AdminLotController::notFound);
		return serve(id, photoId);
	}

	/** Any lot's photo, drafts included: for the admin pages. */
	@GetMapping("/admin/lots/{id}/photos/{photoId}")
	ResponseEntity<byte[]> adminPhoto(@PathVariable long id, @PathVariable long photoId) {
		return serve(id, photoId);
	}

	/** A variant of a public lot's photo, for everyone, cached by anyone for a year. */
	@GetMapping(VARIANT)
	ResponseEntity<byte[]> variant(@PathVariable long id, @PathVariable long photoId, @PathVariable String kind,
			@PathVariable String hash) {
		this.catalog.lot(id).orElseThrow(AdminLotController::notFound);
		return serveVariant(id, photoId, kind, hash, CacheControl.maxAge(FOREVER).cachePublic().immutable());
	}

	/** A variant of any lot's photo, drafts included: for the admin pages, cached by the admin's browser only. */
	@GetMapping("/admin" + VARIANT)
	ResponseEntity<byte[]> adminVariant(@PathVariable long id, @PathVariable long photoId, @PathVariable String kind,
			@PathVariable String hash) {
		return serveVariant(id, photoId, kind, hash, CacheControl.maxAge(FOREVER).cachePrivate().immutable());
	}

	/**
	 * The ETag is the variant's whole hash; Spring answers a request that already has it with 304.
	 * A URL whose hash is not the variant's (a photo id reused by a new database) is a 404, never
	 * other bytes under a URL that was cached as immutable.
	 */
	private ResponseEntity<byte[]> serveVariant(long lotId, long photoId, String kind, String hash,
			CacheControl cache) {
		LotPhotoVariant variant = this.photos.variant(lotId, photoId, kind)
			.filter((v) -> LotPhotos.urlHash(v.getHash()).equals(hash))
			.orElseThrow(AdminLotController::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(variant.getContentType()))
			.cacheControl(cache)
			.eTag("\"" + variant.getHash() + "\"")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(variant.getData());
	}

	private ResponseEntity<byte[]> serve(long lotId, long photoId) {
		LotPhoto photo = this.photos.load(lotId, photoId).orElseThrow(AdminLotController::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.getContentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(photo.getData());
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, new Object[] { LotPhotos.MAX_BYTES / (1024 * 1024), LotPhotos.MAX_PER_LOT,
				PhotoVariants.MAX_PIXELS / 1_000_000, LotPhotos.MAX_ALT }, locale);
	}

}
