package com.gavel.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages speak the reader's language ({@link LanguageResolver}); the header's language links add
 * {@code ?lang=pt-BR} (or {@code en}) to the page they are on, which sets and remembers it. A
 * plain link rather than a form: choosing a language changes nothing but the reader's own
 * preference, so it needs no CSRF token and works on every page, signed in or not.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfig implements WebMvcConfigurer {

	static final String PARAMETER = "lang";

	/** Named as DispatcherServlet looks it up, which also keeps Spring Boot's default away. */
	@Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(PARAMETER);
		change.setHttpMethods("GET");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
