package com.gavel.web;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes data for a page's scripts as JSON that is safe inside a {@code <script type="application/json">}
 * element: {@code <}, {@code >} and {@code &} are escaped, so no text can close the element.
 */
@Component
public class PageJson {

	private final JsonMapper json;

	PageJson(JsonMapper json) {
		this.json = json;
	}

	public String write(Object value) {
		return this.json.writeValueAsString(value)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

}
