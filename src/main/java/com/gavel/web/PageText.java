package com.gavel.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sentences browser scripts show, taken from {@code messages.properties} so the scripts hold no
 * user-visible text of their own: every key that starts with {@code live.} (without that prefix),
 * and the status words {@code status.*} as they are, the same words the templates use.
 */
@Component
public class PageText {

	private static final String PREFIX = "live.";

	private static final String STATUS = "status.";

	private final MessageSource messages;

	PageText(MessageSource messages) {
		this.messages = messages;
	}

	public Map<String, String> forScripts(Locale locale) {
		Map<String, String> texts = new TreeMap<>();
		ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ROOT);
		for (String key : bundle.keySet()) {
			if (key.startsWith(PREFIX)) {
				texts.put(key.substring(PREFIX.length()), this.messages.getMessage(key, null, key, locale));
			}
			else if (key.startsWith(STATUS)) {
				texts.put(key, this.messages.getMessage(key, null, key, locale));
			}
		}
		return texts;
	}

}
