package com.gavel.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log of admin actions, a page at a time, and the whole of it as CSV. */
@Controller
@RequestMapping("/admin")
class AdminAuditController {

	private final AuditLog audit;

	private final Clock clock;

	AdminAuditController(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<AuditEntry> entries = this.audit.page(page);
		model.addAttribute("entries", entries);
		return "admin/audit";
	}

	@GetMapping("/audit.csv")
	void auditCsv(HttpServletResponse response) throws IOException {
		AdminLotController.csv(response, "gavel-audit-" + LocalDate.now(this.clock.withZone(ZoneOffset.UTC)) + ".csv");
		AdminCsv.audit(this.audit.all(), response.getWriter());
	}

}
