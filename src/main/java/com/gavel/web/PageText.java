package com.gavel.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sentences browser scripts show, taken from {@code messages.properties} (every key that
 * starts with {@code live.}) so the scripts hold no user-visible text of their own.
 */
@Component
class PageText {

	private static final String PREFIX = "live.";

	private final MessageSource messages;

	PageText(MessageSource messages) {
		this.messages = messages;
	}

	Map<String, String> forScripts(Locale locale) {
		Map<String, String> texts = new TreeMap<>();
		ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ROOT);
		for (String key : bundle.keySet()) {
			if (key.startsWith(PREFIX)) {
				texts.put(key.substring(PREFIX.length()), this.messages.getMessage(key, null, key, locale));
			}
		}
		return texts;
	}

}
