package com.gavel.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountController {

	record RegistrationForm(
			@NotBlank @Size(min = 3, max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+",
					message = "{registration.username.pattern}") String username,
			@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(min = 10, max = 128) String password) {
	}

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", new RegistrationForm("", "", ""));
		return "account/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.accounts.register(form.username(), form.email(), form.password(), Role.BIDDER);
				redirect.addFlashAttribute("registered", form.username().trim());
				return "redirect:/login";
			}
			catch (RegistrationException ex) {
				result.rejectValue(ex.field(), "taken", ex.getMessage());
			}
		}
		return "account/register";
	}

}
