package com.gavel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GavelApplication {

	public static void main(String[] args) {
		SpringApplication.run(GavelApplication.class, args);
	}

}
