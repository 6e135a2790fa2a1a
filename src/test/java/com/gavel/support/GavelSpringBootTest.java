package com.gavel.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real embedded server, with a private in-memory database, no demo
 * data, a known admin password and a {@link MutableClock}. Every test class that uses exactly
 * this annotation shares one cached application context, so the application starts once.
 * <p>
 * Because the context is shared, tests make their own bidders and lots (unique names) and only
 * ever move the clock forward.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=false", "gavel.admin.password=" + TestAccounts.ADMIN_PASSWORD,
				"gavel.auction.tick=100ms" })
@Import(GavelTestConfiguration.class)
public @interface GavelSpringBootTest {

}
