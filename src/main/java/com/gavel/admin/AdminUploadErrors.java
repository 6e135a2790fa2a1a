package com.gavel.admin;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload bigger than the server takes at all ({@code spring.servlet.multipart.max-file-size})
 * is refused before any controller sees it; on the photo form that is sent back to the lot page
 * with the same clear message as a photo over the photo limit, on a sale's photo and import forms
 * back to the sale's page with how much one upload may carry, elsewhere it is a plain 413.
 */
@ControllerAdvice
class AdminUploadErrors {

	private static final Pattern PHOTO_UPLOAD = Pattern.compile("/admin/lots/(\\d+)/photos");

	private static final Pattern SALE_UPLOAD = Pattern.compile("/admin/sales/(\\d+)/(photos|import)");

	private final MessageSource messages;

	AdminUploadErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooBig(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		Matcher photos = PHOTO_UPLOAD.matcher(request.getRequestURI());
		Matcher sale = SALE_UPLOAD.matcher(request.getRequestURI());
		if (sale.matches()) {
			RequestContextUtils.getOutputFlashMap(request)
				.put("uploadError", this.messages.getMessage("admin.sale.upload.tooBig",
						new Object[] { LotPhotos.MAX_BYTES / (1024 * 1024) }, locale));
			return new ModelAndView("redirect:/admin/sales/" + sale.group(1) + "#" + sale.group(2));
		}
		if (!photos.matches()) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), "The upload is too large.");
			return new ModelAndView();
		}
		// The redirect view hands this to the next request, like RedirectAttributes would.
		RequestContextUtils.getOutputFlashMap(request)
			.put("photoError", this.messages.getMessage("admin.photos.error.tooBig",
					new Object[] { LotPhotos.MAX_BYTES / (1024 * 1024), LotPhotos.MAX_PER_LOT }, locale));
		return new ModelAndView("redirect:/admin/lots/" + photos.group(1) + "#photos");
	}

}
