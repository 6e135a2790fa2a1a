package com.gavel.mail;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What became of the house's mail, for admins: whether mail is on, how many mails are waiting,
 * sent, skipped and failed, and the latest failed and waiting ones with their last error.
 */
@Controller
class MailAdminController {

	private static final int SHOWN = 50;

	private final MailOutbox outbox;

	private final OutboxSender sender;

	MailAdminController(MailOutbox outbox, OutboxSender sender) {
		this.outbox = outbox;
		this.sender = sender;
	}

	@GetMapping("/admin/mail")
	String mail(Model model) {
		model.addAttribute("mailOn", this.sender.on());
		model.addAttribute("counts", this.outbox.counts());
		model.addAttribute("failed", this.outbox.latest(MailOutbox.FAILED, SHOWN));
		model.addAttribute("pending", this.outbox.latest(MailOutbox.PENDING, SHOWN));
		return "admin/mail";
	}

}
