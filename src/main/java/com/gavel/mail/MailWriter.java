package com.gavel.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.invoice.Invoice;
import com.gavel.web.HouseProperties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes one bidder's mail about one lot, in the bidder's language, when they want it: the subject
 * from the message files ({@code mail.KEY.subject}), the body from a Thymeleaf text template
 * ({@code templates/mail/TEMPLATE.txt}) whose sentences are in the message files too. Links are
 * absolute, from {@code gavel.house.base-url}, since a mail has no page to be relative to.
 * <p>
 * "You won" is one template that says the lot, the price and what happens next (the house's
 * {@code gavel.house.after-win}) and, for a lot of a sale, that the invoice follows when the sale
 * closes; the invoice mail is written from the invoice itself ({@link #writeInvoice}).
 */
@Component
class MailWriter {

	private final AccountService accounts;

	private final BidderMailSettings settings;

	private final MessageSource messages;

	private final HouseProperties house;

	private final SaleCatalog sales;

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	MailWriter(AccountService accounts, BidderMailSettings settings, MessageSource messages, HouseProperties house,
			SaleCatalog sales) {
		this.accounts = accounts;
		this.sales = sales;
		this.settings = settings;
		this.messages = messages;
		this.house = house;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		// A private engine: a Spring bean of this type would take the place of the pages' own.
		this.templates.setTemplateResolver(resolver);
		this.templates.setTemplateEngineMessageSource(messages);
	}

	/**
	 * The mail of {@code kind} about {@code lot} (as it stood at the event) for the bidder, or
	 * nothing when they do not want it or may not get it (no such account, or a suspended one).
	 * Not for {@link MailKind#INVOICE}, which is about a sale ({@link #writeInvoice}).
	 */
	Optional<Mail> write(MailKind kind, long userId, LotView lot, long occasion, Instant now) {
		if (kind == MailKind.INVOICE) {
			throw new IllegalArgumentException("an invoice mail is written from its invoice");
		}
		Account account = recipient(userId, kind);
		if (account == null) {
			return Optional.empty();
		}
		Locale language = this.settings.of(userId).language();
		Map<String, Object> model = new HashMap<>();
		model.put("name", account.username());
		model.put("title", lot.title());
		model.put("lotUrl", this.house.baseUrl() + "/lots/" + lot.id());
		model.put("preferencesUrl", this.house.baseUrl() + NotificationsController.PATH);
		model.put("price", money(lot.price(), lot.currency(), language));
		model.put("ask", money(lot.ask(), lot.currency(), language));
		if (kind == MailKind.ENDING_SOON) {
			model.put("endsAt", DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", language)
				.withZone(ZoneOffset.UTC)
				.format(lot.endsAt()));
			long seconds = Math.max(0, Duration.between(now, lot.endsAt()).toSeconds());
			model.put("minutes", Math.max(1, (seconds + 59) / 60));
		}
		if (kind == MailKind.WON) {
			model.put("afterWin", afterWin(language));
			this.sales.placement(lot.id()).ifPresent((placed) -> {
				model.put("saleTitle", placed.saleTitle());
				model.put("lotNumber", Integer.toString(placed.lotNumber()));
				model.put("invoiceUrl", this.house.baseUrl() + "/my/purchases/" + placed.saleId());
			});
		}
		String subject = this.messages.getMessage("mail." + kind.key() + ".subject", new Object[] { lot.title() },
				language);
		String body = this.templates.process(kind.template(), new Context(language, model));
		return Optional.of(new Mail(kind, userId, lot.id(), occasion, account.email(), language.toLanguageTag(),
				subject, body));
	}

	/**
	 * The invoice mail of a closed sale for its buyer: every line, the totals and the house's
	 * texts, with the link to the invoice's page; nothing when the buyer does not want it (it goes
	 * with "you won") or may not get it.
	 * @param lotId the lot the outbox files it under ({@link InvoiceMails})
	 */
	Optional<Mail> writeInvoice(Invoice invoice, long lotId) {
		long userId = invoice.buyerId();
		Account account = recipient(userId, MailKind.INVOICE);
		if (account == null) {
			return Optional.empty();
		}
		Locale language = this.settings.of(userId).language();
		List<String> lines = invoice.lines()
			.stream()
			.map((l) -> this.messages.getMessage("mail.invoice.line",
					new Object[] { Integer.toString(l.lotNumber()), l.title(), amount(invoice, l.hammer(), language),
							amount(invoice, l.premium(), language), amount(invoice, l.tax(), language),
							amount(invoice, l.total(), language) },
					language))
			.toList();
		Invoice.Amounts totals = invoice.totals();
		Map<String, Object> model = new HashMap<>();
		model.put("name", account.username());
		model.put("saleTitle", invoice.saleTitle());
		model.put("number", invoice.number());
		model.put("lines", lines);
		model.put("hammer", amount(invoice, totals.hammer(), language));
		model.put("premiumRate", invoice.premiumPercent());
		model.put("premium", amount(invoice, totals.premium(), language));
		model.put("taxRate", invoice.taxPercent());
		model.put("tax", amount(invoice, totals.tax(), language));
		model.put("total", amount(invoice, totals.total(), language));
		model.put("payment", invoice.payment().isBlank() ? null : invoice.payment().strip());
		model.put("collection", invoice.collection().isBlank() ? null : invoice.collection().strip());
		model.put("invoiceUrl", this.house.baseUrl() + "/my/purchases/" + invoice.saleId());
		model.put("preferencesUrl", this.house.baseUrl() + NotificationsController.PATH);
		String subject = this.messages.getMessage("mail.invoice.subject", new Object[] { invoice.saleTitle() },
				language);
		String body = this.templates.process(MailKind.INVOICE.template(), new Context(language, model));
		return Optional.of(new Mail(MailKind.INVOICE, userId, lotId, invoice.saleId(), account.email(),
				language.toLanguageTag(), subject, body));
	}

	/** The bidder's account if they may get mail and want this kind, else {@code null}. */
	private Account recipient(long userId, MailKind kind) {
		Account account = this.accounts.find(userId).orElse(null);
		if (account == null || account.banned() || account.floor() || !this.settings.of(userId).wants(kind)) {
			return null;
		}
		return account;
	}

	private static String amount(Invoice invoice, long minor, Locale language) {
		return money(invoice.money(minor), invoice.currency(), language);
	}

	private String afterWin(Locale language) {
		String configured = this.house.afterWin();
		return (configured != null && !configured.isBlank()) ? configured.strip()
				: this.messages.getMessage("house.afterWin", null, language);
	}

	/** {@code "62.00", "EUR"} → {@code "€62.00"} in English, {@code "€ 62,00"} in Portuguese. */
	static String money(String amount, String currency, Locale language) {
		if (amount == null) {
			return null;
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(language);
		Currency c = Currency.getInstance(currency);
		format.setCurrency(c);
		format.setMinimumFractionDigits(Math.max(0, c.getDefaultFractionDigits()));
		format.setMaximumFractionDigits(Math.max(0, c.getDefaultFractionDigits()));
		return format.format(new BigDecimal(amount));
	}

}
