package com.gavel.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a real embedded server (and MockMvc against the same context), with a
 * private in-memory database, no demo data, a known admin password and the real clock. Every admin
 * test class uses exactly this, so they share one application context; tests make their own users
 * and lots and never assume the database is empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:admin-tests-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=false", "gavel.admin.password=" + AdminFixtures.ADMIN_PASSWORD,
				"gavel.auction.tick=100ms" })
@AutoConfigureMockMvc
@interface AdminSpringBootTest {

}
