package com.gavel.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled fill an empty database with a small living house
 * @param password the demo bidders' password
 */
@ConfigurationProperties("gavel.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("demo-bidder") String password) {
}
