package com.gavel.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the house tells its bidders in its own words, and where it can be reached.
 *
 * @param afterWin what happens next, shown to the winner of a lot (payment, collection); when
 * unset, the {@code house.afterWin} sentence of {@code messages.properties}
 * @param baseUrl the address bidders reach the house at, without a trailing slash: the start of
 * the links in e-mails, which have no request to take it from
 */
@ConfigurationProperties("gavel.house")
public record HouseProperties(String afterWin, @DefaultValue("http://localhost:8080") String baseUrl) {

	public HouseProperties {
		baseUrl = (baseUrl == null || baseUrl.isBlank()) ? "http://localhost:8080" : baseUrl.strip();
		while (baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
	}

}
