package com.gavel.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled fill an empty database with a small living house: lots that keep opening, with
 * photos, and demo bidders who bid on them
 * @param password the password of the demo bidders people may sign in as ({@code ada}, {@code ben})
 * @param liveLots how many demo lots are open or about to open at any time
 * @param maxLots the most demo lots the house ever puts up; then it stops putting up new ones, so
 * a demo left running for days does not grow without end
 * @param tick how often the demo bidders and the rotation look at the demo lots
 */
@ConfigurationProperties("gavel.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("demo-bidder") String password,
		@DefaultValue("6") int liveLots, @DefaultValue("400") int maxLots, @DefaultValue("5s") Duration tick) {
}
