package com.gavel.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the demo house sells: a dozen items in five categories, each with a photo drawn for Gavel
 * ({@code src/main/resources/demo/}, NOTICE.md) and the alt text an admin would write for it.
 * Every time an item's lot ends, the rotation may put the same item up again.
 */
final class DemoCatalogue {

	/**
	 * One item of the demo house.
	 * @param key names the photo ({@code demo/<key>.jpg}) and, in {@code demo_lot}, the item
	 * @param ceiling the demo bidders never bid above it, so a person can outbid them
	 * @param runs how long one of its lots is open
	 */
	record Item(String key, String title, String description, String category, String currency, String start,
			String reserve, String buyNow, String ceiling, Duration runs, String alt) {

		BigDecimal ceilingAmount() {
			return new BigDecimal(this.ceiling);
		}

		/** The photo's bytes, from the jar. */
		byte[] photo() {
			try (InputStream in = DemoCatalogue.class.getResourceAsStream("/demo/" + this.key + ".jpg")) {
				if (in == null) {
					throw new IllegalStateException("the demo photo demo/" + this.key + ".jpg is missing");
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	static final String CLOCKS = "Clocks & watches";

	static final String LIGHTING = "Lighting";

	static final String FURNITURE = "Furniture";

	static final String PICTURES = "Prints & pictures";

	static final String CERAMICS = "Ceramics & glass";

	static final List<Item> ITEMS = List.of(
			new Item("pocket-watch", "Silver pocket watch, 1890s", "Hunter case, running, with its original key.",
					CLOCKS, "EUR", "40.00", "60.00", null, "140.00", Duration.ofMinutes(12),
					"Open silver pocket watch with a white enamel dial and Roman numerals, its chain beside it"),
			new Item("desk-lamp", "Brass desk lamp, green glass shade", "Rewired, with a pull chain.", LIGHTING, "EUR",
					"15.00", null, "90.00", "70.00", Duration.ofMinutes(10),
					"Brass desk lamp with a green glass shade, lit, on a dark desk"),
			new Item("wave-print", "Woodblock print of a great wave (later edition)", "Framed, 38 x 26 cm.", PICTURES,
					"USD", "200.00", null, null, "420.00", Duration.ofMinutes(15),
					"Framed print of a great blue wave with white foam curling over a small mountain"),
			new Item("rocking-chair", "Oak rocking chair", "Solid oak, early 20th century.", FURNITURE, "EUR", "25.00",
					null, null, "95.00", Duration.ofMinutes(14),
					"Oak rocking chair with a spindle back, seen from the front"),
			new Item("mantel-clock", "French mantel clock, black marble case", "Eight-day movement, strikes the hour.",
					CLOCKS, "EUR", "80.00", "110.00", null, "220.00", Duration.ofMinutes(16),
					"Black marble mantel clock with an arched top, brass columns and a white dial"),
			new Item("teapot", "Blue-and-white porcelain teapot", "Hand-painted, with its lid; no chips.", CERAMICS,
					"EUR", "35.00", null, null, "110.00", Duration.ofMinutes(11),
					"White porcelain teapot painted with a band of blue flowers, with a blue knob on the lid"),
			new Item("botanical-print", "Hand-coloured botanical print, tulips", "Gilt frame, 30 x 40 cm.", PICTURES,
					"EUR", "20.00", null, "75.00", "65.00", Duration.ofMinutes(9),
					"Framed botanical print of three tulips, red, orange and pink, with long green leaves"),
			new Item("side-table", "Walnut side table with turned legs", "One drawer with a brass knob.", FURNITURE,
					"EUR", "45.00", null, null, "150.00", Duration.ofMinutes(13),
					"Walnut side table with bobbin-turned legs and a small drawer with a brass knob"),
			new Item("carriage-clock", "Brass carriage clock with key", "Bevelled glass panels; keeps good time.",
					CLOCKS, "GBP", "60.00", null, null, "180.00", Duration.ofMinutes(12),
					"Brass carriage clock with a carrying handle, glass side panels and a white dial"),
			new Item("oil-lamp", "Victorian oil lamp, milk-glass shade", "Brass base, lilac glass font, lit once for the photo.",
					LIGHTING, "EUR", "30.00", null, null, "100.00", Duration.ofMinutes(10),
					"Lit oil lamp with a white glass shade, a lilac glass font and a brass base"),
			new Item("river-landscape", "Oil on board, river landscape", "Gilt frame; signed lower right.", PICTURES,
					"EUR", "150.00", "180.00", null, "360.00", Duration.ofMinutes(17),
					"Framed painting of a river winding between green hills and trees under a pale sky"),
			new Item("celadon-vase", "Studio pottery vase, celadon glaze", "Crackled glaze, 34 cm high.", CERAMICS,
					"EUR", "55.00", null, null, "160.00", Duration.ofMinutes(11),
					"Pale green celadon vase with a fine crackle in the glaze, on a wooden table"));

	private DemoCatalogue() {
	}

	static Optional<Item> item(String key) {
		return ITEMS.stream().filter((i) -> i.key().equals(key)).findFirst();
	}

}
