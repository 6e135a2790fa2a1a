package com.gavel.account;

import java.util.Locale;

import com.gavel.account.SignInThrottle.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountController {

	record RegistrationForm(
			@NotBlank @Size(min = 3, max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+",
					message = "{registration.username.pattern}") String username,
			@NotBlank @Email @Size(max = 254) String email, String password) {
	}

	private final AccountService accounts;

	private final PasswordPolicy passwords;

	private final SignInProperties signIn;

	private final MessageSource messages;

	AccountController(AccountService accounts, PasswordPolicy passwords, SignInProperties signIn,
			MessageSource messages) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.signIn = signIn;
		this.messages = messages;
	}

	/**
	 * The sign-in page; {@code throttled} is the number of seconds to wait that
	 * {@link SignInThrottleFilter} sends back when it refused an attempt.
	 */
	@GetMapping("/login")
	String login(@RequestParam(name = "throttled", required = false) Long throttled, Model model, Locale locale) {
		if (throttled != null && throttled > 0) {
			long seconds = Math.min(throttled, this.signIn.maxRefusal().toSeconds());
			model.addAttribute("throttled", this.messages.getMessage(Refusal.message(seconds), locale));
		}
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
		// The policy rather than validation annotations, so the message names the rule that failed.
		this.passwords.check(form.password())
			.ifPresent((problem) -> result.rejectValue("password", problem.messageCode(), problem.messageArguments(),
					null));
		if (!result.hasErrors()) {
			try {
				this.accounts.register(form.username(), form.email(), form.password(), Role.BIDDER);
				redirect.addFlashAttribute("registered", form.username().trim());
				return "redirect:/login";
			}
			catch (RegistrationException ex) {
				result.rejectValue(ex.field(), ex.code(), ex.arguments(), ex.getMessage());
			}
		}
		return "account/register";
	}

}
