package com.gavel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real embedded server with a private in-memory database, no demo
 * data and the real clock (browsers run countdowns against it), and the house's own words for
 * winners ({@code gavel.house.after-win}), and a stand-in for a proxy that refuses WebSocket
 * upgrades to the browsers that ask for it ({@link RefusedSockets}). Every page test class uses
 * exactly this, so they share one application context; each test makes its own users and lots.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-web-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=false", "gavel.admin.password=" + WebFixtures.ADMIN_PASSWORD,
				"gavel.auction.tick=100ms", "gavel.house.after-win=" + WebFixtures.AFTER_WIN })
@Import(RefusedSockets.class)
@interface WebSpringBootTest {

}
