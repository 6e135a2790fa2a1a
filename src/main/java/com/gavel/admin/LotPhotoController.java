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
 * Lot photos: admins upload and remove them on the admin lot page; anyone may look at the photos
 * of a public lot at {@code /lots/{id}/photos/{photoId}}, admins at those of drafts too.
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

	@PostMapping("/admin/lots/{id}/photos")
	String upload(@PathVariable long id, @RequestParam(name = "photo", required = false) MultipartFile file,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) throws IOException {
		LotAdminView lot = this.catalog.adminLot(id).orElseThrow(AdminLotController::notFound);
		if ("closed".equals(lot.status()) || "cancelled".equals(lot.status())) {
			redirect.addFlashAttribute("photoError", text("admin.photos.error.finished", locale));
		}
		else {
			try {
				this.photos.add(admin, id, file == null ? null : file.getBytes(),
						file == null ? null : file.getOriginalFilename());
				redirect.addFlashAttribute("notice", text("admin.photos.added", locale));
			}
			catch (LotPhotos.RefusedException ex) {
				redirect.addFlashAttribute("photoError", text(ex.messageKey(), locale));
			}
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
		return this.messages.getMessage(key, new Object[] { LotPhotos.MAX_BYTES / (1024 * 1024), LotPhotos.MAX_PER_LOT },
				locale);
	}

}
