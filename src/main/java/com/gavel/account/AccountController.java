package com.gavel.account;

import java.util.Locale;

import com.gavel.account.SignInThrottle.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/**
 * Signing in and registering. Both pages carry the page the person came from ({@link ReturnPath},
 * the {@code next} parameter); registering signs the new bidder in and sends them back there.
 */
@Controller
class AccountController {

	/**
	 * Every rule has a sentence of its own in the message files, said next to the field; the rules
	 * of one field do not overlap, so a field says one thing at a time.
	 */
	record RegistrationForm(@NotNull(message = "{registration.username.size}")
			@Size(min = 3, max = 40, message = "{registration.username.size}")
			@Pattern(regexp = "[A-Za-z0-9_.-]*", message = "{registration.username.pattern}") String username,
			@NotBlank(message = "{registration.email.required}")
			@Email(message = "{registration.email.invalid}")
			@Size(max = 254, message = "{registration.email.long}") String email,
			String password) {
	}

	/** The sign-in form's fields, for the shared field fragment; Spring Security reads the POST. */
	record SignInForm(String username, String password) {
	}

	private final AccountService accounts;

	private final PasswordPolicy passwords;

	private final SignInProperties signIn;

	private final MessageSource messages;

	private final RegisteredSignIn registered;

	AccountController(AccountService accounts, PasswordPolicy passwords, SignInProperties signIn,
			MessageSource messages, RegisteredSignIn registered) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.signIn = signIn;
		this.messages = messages;
		this.registered = registered;
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
		model.addAttribute("signIn", new SignInForm("", ""));
		return "account/login";
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", new RegistrationForm("", "", ""));
		return "account/register";
	}

	/** A new bidder, signed in at once and sent back to the page they came from. */
	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		// The policy rather than validation annotations, so the message names the rule that failed.
		this.passwords.check(form.password())
			.ifPresent((problem) -> result.rejectValue("password", problem.messageCode(), problem.messageArguments(),
					null));
		if (!result.hasErrors()) {
			try {
				Account account = this.accounts.register(form.username(), form.email(), form.password(), Role.BIDDER);
				this.registered.signIn(account, request, response);
				redirect.addFlashAttribute("welcome", account.username());
				return "redirect:" + ReturnPath.of(request).orElse("/");
			}
			catch (RegistrationException ex) {
				result.rejectValue(ex.field(), ex.code(), ex.arguments(), ex.getMessage());
			}
		}
		return "account/register";
	}

}
