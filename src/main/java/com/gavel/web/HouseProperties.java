package com.gavel.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the house tells its bidders in its own words.
 *
 * @param afterWin what happens next, shown to the winner of a lot (payment, collection); when
 * unset, the {@code house.afterWin} sentence of {@code messages.properties}
 */
@ConfigurationProperties("gavel.house")
record HouseProperties(String afterWin) {
}
