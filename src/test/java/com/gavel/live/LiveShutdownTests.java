package com.gavel.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.gavel.GavelApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** On shutdown every socket hears 1001, so clients know to reconnect to the restarted server. */
class LiveShutdownTests {

	@Test
	void everySocketGets1001WhenTheServerShutsDown() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GavelApplication.class)
			.properties("server.port=0", "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
					"spring.datasource.url=jdbc:h2:mem:live-shutdown;DB_CLOSE_DELAY=-1")
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try (LiveTestClient one = LiveTestClient.connect(port, null, null);
				LiveTestClient two = LiveTestClient.connect(port, null, null)) {
			one.await("hello");
			two.await("hello");
			context.close();
			assertThat(one.awaitClose(Duration.ofSeconds(10))).isEqualTo(1001);
			assertThat(two.awaitClose(Duration.ofSeconds(10))).isEqualTo(1001);
		}
		finally {
			context.close();
		}
	}

}
