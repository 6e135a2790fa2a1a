package com.gavel.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The live operations dashboard. The page is static; its script subscribes to the admin-only
 * {@code ops} feed on the WebSocket and draws what arrives every couple of seconds.
 */
@Controller
class AdminDashboardController {

	@GetMapping("/admin/dashboard")
	String dashboard() {
		return "admin/dashboard";
	}

}
