package com.gavel.admin;

import java.util.List;
import java.util.Locale;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The house's users: find them, ban and unban bidders. */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

	private final AccountService accounts;

	private final AdminActions actions;

	private final MessageSource messages;

	AdminUserController(AccountService accounts, AdminActions actions, MessageSource messages) {
		this.accounts = accounts;
		this.actions = actions;
		this.messages = messages;
	}

	@GetMapping
	String users(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean banned,
			Model model) {
		String query = q == null ? "" : q.trim();
		String needle = query.toLowerCase(Locale.ROOT);
		List<Account> all = this.accounts.all();
		List<Account> shown = all.stream()
			.filter((a) -> !banned || a.banned())
			.filter((a) -> needle.isEmpty() || a.username().toLowerCase(Locale.ROOT).contains(needle)
					|| a.email().toLowerCase(Locale.ROOT).contains(needle))
			.toList();
		model.addAttribute("users", shown);
		model.addAttribute("total", all.size());
		model.addAttribute("bannedCount", all.stream().filter(Account::banned).count());
		model.addAttribute("q", query);
		model.addAttribute("bannedOnly", banned);
		return "admin/users";
	}

	@PostMapping("/{id}/ban")
	String ban(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) String q, @AuthenticationPrincipal GavelUser admin,
			RedirectAttributes redirect, Locale locale) {
		String why = reason.trim();
		if (why.isEmpty() || why.length() > 500) {
			redirect.addFlashAttribute("banError", this.messages.getMessage("admin.reason.required", null, locale));
			redirect.addFlashAttribute("banUser", id);
		}
		else {
			change(id, true, why, admin, redirect, locale);
		}
		return back(q);
	}

	@PostMapping("/{id}/unban")
	String unban(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) String q, @AuthenticationPrincipal GavelUser admin,
			RedirectAttributes redirect, Locale locale) {
		String why = reason.trim();
		change(id, false, why.isEmpty() ? null : why, admin, redirect, locale);
		return back(q);
	}

	private void change(long id, boolean banned, String reason, GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		try {
			Account user = this.actions.setBanned(admin, Via.PAGE, id, banned, reason);
			redirect.addFlashAttribute("notice", this.messages
				.getMessage(banned ? "admin.users.banned" : "admin.users.unbanned", new Object[] { user.username() }, locale));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("alert",
					this.messages.getMessage("admin.action.refused", new Object[] { ex.getMessage() }, locale));
		}
	}

	private static String back(String q) {
		if (q == null || q.isBlank()) {
			return "redirect:/admin/users";
		}
		return "redirect:/admin/users?q=" + java.net.URLEncoder.encode(q.trim(), java.nio.charset.StandardCharsets.UTF_8);
	}

}
