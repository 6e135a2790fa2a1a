package com.gavel.mail;

import java.util.Locale;

import com.gavel.account.AccountService;
import com.gavel.account.GavelUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A bidder's notifications page: which mails they want (every kind until they say otherwise), the
 * address they go to, and the language they are written in, which saving the page sets to the
 * page's own.
 */
@Controller
class NotificationsController {

	static final String PATH = "/my/notifications";

	private final BidderMailSettings settings;

	private final AccountService accounts;

	private final OutboxSender sender;

	private final MailProperties properties;

	NotificationsController(BidderMailSettings settings, AccountService accounts, OutboxSender sender,
			MailProperties properties) {
		this.settings = settings;
		this.accounts = accounts;
		this.sender = sender;
		this.properties = properties;
	}

	@GetMapping(PATH)
	String page(@AuthenticationPrincipal GavelUser user, Model model) {
		MailPreferences preferences = this.settings.of(user.id());
		model.addAttribute("outbid", preferences.wants(MailKind.OUTBID));
		model.addAttribute("endingSoon", preferences.wants(MailKind.ENDING_SOON));
		model.addAttribute("won", preferences.wants(MailKind.WON));
		model.addAttribute("language", preferences.language().toLanguageTag());
		model.addAttribute("email", this.accounts.find(user.id()).map((a) -> a.email()).orElse(""));
		model.addAttribute("mailOn", this.sender.on());
		model.addAttribute("endingSoonMinutes", Math.max(1, this.properties.endingSoon().toMinutes()));
		return "my/notifications";
	}

	@PostMapping(PATH)
	String save(@AuthenticationPrincipal GavelUser user, @RequestParam(defaultValue = "false") boolean outbid,
			@RequestParam(defaultValue = "false") boolean endingSoon, @RequestParam(defaultValue = "false") boolean won,
			Locale locale, RedirectAttributes redirect) {
		this.settings.choose(user.id(), outbid, endingSoon, won, locale);
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + PATH;
	}

}
