package com.gavel.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the demo house's photos with Java2D: still lifes of the demo catalogue's items, made for
 * Gavel (NOTICE.md), no material from elsewhere. Run it to draw them again:
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/test-classes com.gavel.demo.DemoPictures src/main/resources/demo
 * </pre>
 *
 * The drawings are deterministic (fixed seeds), so running it again makes the same pictures.
 */
public final class DemoPictures {

	static final int WIDTH = 1200;

	static final int HEIGHT = 900;

	private static final Color BRASS = new Color(0xc9a227);

	private static final Color BRASS_DARK = new Color(0x8a6d12);

	private static final Color SILVER = new Color(0xc9ccd1);

	private static final Color SILVER_DARK = new Color(0x7d838c);

	private static final Color OAK = new Color(0xa8743a);

	private static final Color OAK_DARK = new Color(0x6e4620);

	private static final Color WALNUT = new Color(0x6b4226);

	private static final Color WALNUT_DARK = new Color(0x3f2412);

	private DemoPictures() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args.length > 0 ? args[0] : "src/main/resources/demo");
		Files.createDirectories(folder);
		for (Map.Entry<String, Consumer<Graphics2D>> picture : pictures().entrySet()) {
			Path file = folder.resolve(picture.getKey() + ".jpg");
			Files.write(file, jpeg(draw(picture.getValue())));
			System.out.println(file + " " + Files.size(file) + " bytes");
		}
	}

	static Map<String, Consumer<Graphics2D>> pictures() {
		Map<String, Consumer<Graphics2D>> pictures = new LinkedHashMap<>();
		pictures.put("pocket-watch", DemoPictures::pocketWatch);
		pictures.put("mantel-clock", DemoPictures::mantelClock);
		pictures.put("carriage-clock", DemoPictures::carriageClock);
		pictures.put("desk-lamp", DemoPictures::deskLamp);
		pictures.put("oil-lamp", DemoPictures::oilLamp);
		pictures.put("rocking-chair", DemoPictures::rockingChair);
		pictures.put("side-table", DemoPictures::sideTable);
		pictures.put("wave-print", DemoPictures::wavePrint);
		pictures.put("botanical-print", DemoPictures::botanicalPrint);
		pictures.put("river-landscape", DemoPictures::riverLandscape);
		pictures.put("teapot", DemoPictures::teapot);
		pictures.put("celadon-vase", DemoPictures::celadonVase);
		return pictures;
	}

	static BufferedImage draw(Consumer<Graphics2D> subject) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		subject.accept(g);
		g.dispose();
		return image;
	}

	static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.86f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	// ---- the room: a wall, a table top, a soft shadow --------------------------------------

	private static void room(Graphics2D g, Color wall, Color table, int horizon) {
		g.setPaint(new GradientPaint(0, 0, wall.brighter(), 0, horizon, wall));
		g.fillRect(0, 0, WIDTH, horizon);
		g.setPaint(new GradientPaint(0, horizon, table, 0, HEIGHT, table.darker()));
		g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
		g.setColor(new Color(0, 0, 0, 40));
		g.fillRect(0, horizon, WIDTH, 6);
		// a light from the upper left
		g.setPaint(new RadialGradientPaint(new Point2D.Float(250, 120), 900, new float[] { 0f, 1f },
				new Color[] { new Color(255, 250, 235, 70), new Color(255, 250, 235, 0) }));
		g.fillRect(0, 0, WIDTH, HEIGHT);
	}

	private static void shadow(Graphics2D g, double cx, double cy, double w, double h) {
		g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, cy), (float) (w / 2), new float[] { 0f, 1f },
				new Color[] { new Color(0, 0, 0, 90), new Color(0, 0, 0, 0) }));
		AffineTransform saved = g.getTransform();
		g.translate(cx, cy);
		g.scale(1, h / w);
		g.translate(-cx, -cy);
		g.fill(new Ellipse2D.Double(cx - w / 2, cy - w / 2, w, w));
		g.setTransform(saved);
	}

	private static void metal(Graphics2D g, Shape shape, Color light, Color dark) {
		Rectangle2D b = shape.getBounds2D();
		g.setPaint(new GradientPaint((float) b.getMinX(), (float) b.getMinY(), light, (float) b.getMaxX(),
				(float) b.getMaxY(), dark));
		g.fill(shape);
	}

	private static void outline(Graphics2D g, Shape shape, Color color, float width) {
		g.setColor(color);
		g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(shape);
	}

	private static void dial(Graphics2D g, double cx, double cy, double r, boolean roman) {
		g.setPaint(new RadialGradientPaint(new Point2D.Double(cx - r / 3, cy - r / 3), (float) (r * 1.6),
				new float[] { 0f, 1f }, new Color[] { new Color(0xfffdf6), new Color(0xe9e1cc) }));
		g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
		g.setColor(new Color(0x2a2620));
		for (int i = 0; i < 60; i++) {
			double a = Math.PI * 2 * i / 60;
			boolean hour = i % 5 == 0;
			double inner = r * (hour ? (roman ? 0.78 : 0.82) : 0.9);
			g.setStroke(new BasicStroke(hour ? (float) (r * 0.035) : (float) (r * 0.012)));
			g.draw(new Line2D.Double(cx + Math.sin(a) * inner, cy - Math.cos(a) * inner, cx + Math.sin(a) * r * 0.95,
					cy - Math.cos(a) * r * 0.95));
		}
		hand(g, cx, cy, r * 0.5, Math.toRadians(300), r * 0.05);
		hand(g, cx, cy, r * 0.75, Math.toRadians(60), r * 0.03);
		g.fill(new Ellipse2D.Double(cx - r * 0.05, cy - r * 0.05, r * 0.1, r * 0.1));
	}

	private static void hand(Graphics2D g, double cx, double cy, double length, double angle, double width) {
		g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(cx, cy, cx + Math.sin(angle) * length, cy - Math.cos(angle) * length));
	}

	// ---- clocks and watches ------------------------------------------------------------------

	static void pocketWatch(Graphics2D g) {
		room(g, new Color(0x3d4a3e), new Color(0x6b4a2e), 560);
		shadow(g, 620, 760, 560, 90);
		// chain
		g.setColor(SILVER_DARK);
		for (int i = 0; i < 26; i++) {
			double t = i / 25.0;
			double x = 600 + t * 420;
			double y = 250 - Math.sin(t * Math.PI) * 120 + t * 480;
			outline(g, new Ellipse2D.Double(x - 14, y - 9, 28, 18), SILVER, 6);
		}
		Ellipse2D bow = new Ellipse2D.Double(555, 150, 90, 90);
		outline(g, bow, SILVER_DARK, 16);
		metal(g, new RoundRectangle2D.Double(575, 215, 50, 60, 14, 14), Color.WHITE, SILVER_DARK);
		Ellipse2D casing = new Ellipse2D.Double(400, 250, 440, 440);
		metal(g, casing, Color.WHITE, SILVER_DARK);
		outline(g, casing, new Color(0x5c6168), 6);
		metal(g, new Ellipse2D.Double(425, 275, 390, 390), SILVER_DARK, new Color(0xeef0f3));
		dial(g, 620, 470, 180, true);
		g.setColor(new Color(0x2a2620));
		g.fill(new Ellipse2D.Double(600, 520, 40, 40));
		outline(g, new Ellipse2D.Double(596, 516, 48, 48), SILVER_DARK, 3);
		hand(g, 620, 540, 18, Math.toRadians(140), 3);
	}

	static void mantelClock(Graphics2D g) {
		room(g, new Color(0x6d5a4a), new Color(0x3a2a20), 640);
		shadow(g, 600, 690, 760, 80);
		// a black marble case with an arched top
		GeneralPath cse = new GeneralPath();
		cse.moveTo(270, 680);
		cse.lineTo(270, 380);
		cse.curveTo(270, 180, 930, 180, 930, 380);
		cse.lineTo(930, 680);
		cse.closePath();
		g.setPaint(new GradientPaint(270, 200, new Color(0x3a3a3d), 930, 680, new Color(0x101012)));
		g.fill(cse);
		Random veins = new Random(7);
		g.setClip(cse);
		g.setStroke(new BasicStroke(2f));
		for (int i = 0; i < 18; i++) {
			g.setColor(new Color(255, 255, 255, 25 + veins.nextInt(30)));
			double x = 280 + veins.nextDouble() * 640;
			double y = 260 + veins.nextDouble() * 400;
			g.draw(new java.awt.geom.CubicCurve2D.Double(x, y, x + 60, y - 40, x + 90, y + 50, x + 170, y + 10));
		}
		g.setClip(null);
		metal(g, new Rectangle2D.Double(230, 660, 740, 40), BRASS, BRASS_DARK);
		metal(g, new Rectangle2D.Double(250, 640, 700, 24), BRASS_DARK, BRASS);
		Ellipse2D bezel = new Ellipse2D.Double(430, 280, 340, 340);
		metal(g, bezel, new Color(0xf3d77a), BRASS_DARK);
		dial(g, 600, 450, 145, true);
		for (int x : new int[] { 300, 860 }) {
			metal(g, new Rectangle2D.Double(x, 380, 40, 260), BRASS, BRASS_DARK);
		}
	}

	static void carriageClock(Graphics2D g) {
		room(g, new Color(0x2f3c4f), new Color(0x5a3b26), 600);
		shadow(g, 600, 730, 520, 70);
		Rectangle2D body = new Rectangle2D.Double(400, 300, 400, 420);
		metal(g, body, new Color(0xf1d88a), BRASS_DARK);
		// glass panels on the sides show the movement
		g.setColor(new Color(0x1d2430));
		g.fill(new Rectangle2D.Double(420, 330, 50, 360));
		g.fill(new Rectangle2D.Double(730, 330, 50, 360));
		g.setColor(new Color(255, 255, 255, 60));
		g.fill(new Rectangle2D.Double(425, 335, 12, 350));
		g.fill(new Rectangle2D.Double(735, 335, 12, 350));
		dial(g, 600, 480, 110, false);
		metal(g, new Rectangle2D.Double(380, 280, 440, 30), BRASS, BRASS_DARK);
		metal(g, new Rectangle2D.Double(380, 710, 440, 30), BRASS, BRASS_DARK);
		for (int x : new int[] { 380, 790 }) {
			metal(g, new Rectangle2D.Double(x, 280, 30, 460), new Color(0xf3d77a), BRASS_DARK);
		}
		// the carrying handle
		Arc2D handle = new Arc2D.Double(470, 150, 260, 260, 0, 180, Arc2D.OPEN);
		outline(g, handle, BRASS_DARK, 22);
		outline(g, handle, BRASS, 12);
	}

	// ---- lighting ------------------------------------------------------------------------------

	static void deskLamp(Graphics2D g) {
		room(g, new Color(0x4b3f35), new Color(0x2c1f16), 640);
		shadow(g, 560, 720, 520, 80);
		// warm light on the table
		g.setPaint(new RadialGradientPaint(new Point2D.Float(560, 700), 420, new float[] { 0f, 1f },
				new Color[] { new Color(255, 214, 140, 110), new Color(255, 214, 140, 0) }));
		g.fillRect(0, 300, WIDTH, HEIGHT - 300);
		metal(g, new Ellipse2D.Double(380, 670, 360, 70), new Color(0xf3d77a), BRASS_DARK);
		metal(g, new Rectangle2D.Double(545, 330, 30, 350), new Color(0xf3d77a), BRASS_DARK);
		// the green glass shade
		GeneralPath shade = new GeneralPath();
		shade.moveTo(300, 410);
		shade.curveTo(320, 250, 800, 250, 820, 410);
		shade.closePath();
		g.setPaint(new GradientPaint(300, 260, new Color(0x3f9a5a), 820, 410, new Color(0x0d4a24)));
		g.fill(shade);
		g.setColor(new Color(255, 255, 255, 70));
		g.fill(new Ellipse2D.Double(380, 290, 200, 40));
		g.setColor(new Color(0xfff3c4));
		g.fill(new Ellipse2D.Double(310, 395, 500, 30));
		metal(g, new Rectangle2D.Double(300, 405, 520, 14), BRASS, BRASS_DARK);
		// the pull chain
		g.setColor(BRASS);
		for (int i = 0; i < 10; i++) {
			g.fill(new Ellipse2D.Double(736, 425 + i * 16, 10, 10));
		}
	}

	static void oilLamp(Graphics2D g) {
		room(g, new Color(0x5c4b3c), new Color(0x3b2a1d), 650);
		shadow(g, 600, 745, 420, 70);
		g.setPaint(new RadialGradientPaint(new Point2D.Float(600, 330), 380, new float[] { 0f, 1f },
				new Color[] { new Color(255, 230, 170, 120), new Color(255, 230, 170, 0) }));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		// base and font
		GeneralPath base = new GeneralPath();
		base.moveTo(470, 740);
		base.curveTo(480, 680, 560, 660, 560, 600);
		base.lineTo(640, 600);
		base.curveTo(640, 660, 720, 680, 730, 740);
		base.closePath();
		metal(g, base, new Color(0xf3d77a), BRASS_DARK);
		metal(g, new Ellipse2D.Double(450, 430, 300, 200), new Color(0xe8e6f0), new Color(0x8d7fb0));
		metal(g, new Rectangle2D.Double(560, 400, 80, 40), BRASS, BRASS_DARK);
		// glass chimney and flame
		g.setColor(new Color(255, 255, 255, 80));
		g.fill(new RoundRectangle2D.Double(560, 170, 80, 240, 40, 40));
		g.setPaint(new RadialGradientPaint(new Point2D.Float(600, 330), 40, new float[] { 0f, 1f },
				new Color[] { new Color(0xfff6c8), new Color(0xffa43a) }));
		g.fill(new Ellipse2D.Double(585, 290, 30, 70));
		// milk-glass shade
		GeneralPath shade = new GeneralPath();
		shade.moveTo(470, 300);
		shade.curveTo(470, 180, 730, 180, 730, 300);
		shade.curveTo(700, 330, 500, 330, 470, 300);
		g.setPaint(new GradientPaint(470, 180, new Color(255, 255, 255, 230), 730, 320, new Color(225, 220, 210, 220)));
		g.fill(shade);
	}

	// ---- furniture -----------------------------------------------------------------------------

	static void rockingChair(Graphics2D g) {
		room(g, new Color(0xb7a58a), new Color(0x8a6a48), 620);
		shadow(g, 600, 780, 700, 80);
		g.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		// rockers
		Arc2D rocker = new Arc2D.Double(250, 420, 700, 380, 200, 140, Arc2D.OPEN);
		outline(g, rocker, OAK_DARK, 30);
		outline(g, rocker, OAK, 20);
		// legs, seat, back
		for (int[] leg : new int[][] { { 400, 560, 380, 760 }, { 780, 560, 800, 760 } }) {
			outline(g, new Line2D.Double(leg[0], leg[1], leg[2], leg[3]), OAK_DARK, 28);
			outline(g, new Line2D.Double(leg[0], leg[1], leg[2], leg[3]), OAK, 20);
		}
		metal(g, new RoundRectangle2D.Double(360, 520, 460, 60, 20, 20), OAK, OAK_DARK);
		for (int x : new int[] { 400, 780 }) {
			outline(g, new Line2D.Double(x, 540, x + 30, 150), OAK_DARK, 28);
			outline(g, new Line2D.Double(x, 540, x + 30, 150), OAK, 20);
		}
		metal(g, new RoundRectangle2D.Double(410, 140, 420, 60, 30, 30), OAK, OAK_DARK);
		for (int i = 0; i < 6; i++) {
			double x = 470 + i * 60;
			outline(g, new Line2D.Double(x, 200, x - 8, 520), OAK_DARK, 16);
			outline(g, new Line2D.Double(x, 200, x - 8, 520), OAK, 10);
		}
		// arms
		outline(g, new Line2D.Double(330, 400, 480, 380), OAK_DARK, 26);
		outline(g, new Line2D.Double(700, 380, 860, 400), OAK_DARK, 26);
	}

	static void sideTable(Graphics2D g) {
		room(g, new Color(0x8c9a8e), new Color(0x7a5a3c), 600);
		shadow(g, 600, 790, 620, 70);
		// turned legs
		for (int x : new int[] { 380, 800 }) {
			for (int i = 0; i < 5; i++) {
				double y = 420 + i * 72;
				metal(g, new Ellipse2D.Double(x - 22 + (i % 2) * 6, y, 44 - (i % 2) * 12, 72), WALNUT, WALNUT_DARK);
			}
		}
		for (int x : new int[] { 470, 710 }) {
			for (int i = 0; i < 4; i++) {
				double y = 430 + i * 78;
				metal(g, new Ellipse2D.Double(x - 16, y, 32, 78), WALNUT_DARK, WALNUT);
			}
		}
		metal(g, new Rectangle2D.Double(360, 500, 480, 36), WALNUT, WALNUT_DARK);
		// the top, with its grain
		Shape top = new RoundRectangle2D.Double(300, 360, 600, 70, 30, 30);
		metal(g, top, new Color(0x8a5a36), WALNUT_DARK);
		Random grain = new Random(3);
		g.setStroke(new BasicStroke(2f));
		for (int i = 0; i < 14; i++) {
			g.setColor(new Color(40, 20, 8, 60));
			double y = 370 + grain.nextDouble() * 50;
			g.draw(new java.awt.geom.QuadCurve2D.Double(310, y, 600, y + grain.nextDouble() * 20 - 10, 890, y));
		}
		// a small drawer with a brass knob
		metal(g, new Rectangle2D.Double(500, 440, 200, 50), new Color(0x7a4c2c), WALNUT_DARK);
		metal(g, new Ellipse2D.Double(588, 453, 24, 24), new Color(0xf3d77a), BRASS_DARK);
	}

	// ---- prints and pictures -------------------------------------------------------------------

	private static void frame(Graphics2D g, double x, double y, double w, double h, Color frame) {
		shadow(g, x + w / 2 + 20, y + h + 30, w * 1.1, 60);
		metal(g, new Rectangle2D.Double(x - 40, y - 40, w + 80, h + 80), frame.brighter(), frame.darker());
		g.setColor(new Color(0xf4efe2));
		g.fill(new Rectangle2D.Double(x - 12, y - 12, w + 24, h + 24));
	}

	static void wavePrint(Graphics2D g) {
		room(g, new Color(0xd8d0c0), new Color(0x9c7b58), 780);
		double x = 250;
		double y = 150;
		double w = 700;
		double h = 480;
		frame(g, x, y, w, h, new Color(0x2b2b2b));
		g.setClip(new Rectangle2D.Double(x, y, w, h));
		g.setPaint(new GradientPaint(0, (float) y, new Color(0xefe3c8), 0, (float) (y + h), new Color(0xd9c8a4)));
		g.fill(new Rectangle2D.Double(x, y, w, h));
		// a mountain far off, then the great wave curling over it
		g.setColor(new Color(0x5b6f86));
		GeneralPath mountain = new GeneralPath();
		mountain.moveTo(x + 400, y + h - 110);
		mountain.lineTo(x + 480, y + h - 190);
		mountain.lineTo(x + 560, y + h - 110);
		mountain.closePath();
		g.fill(mountain);
		GeneralPath wave = new GeneralPath();
		wave.moveTo(x, y + h);
		wave.lineTo(x, y + 260);
		wave.curveTo(x + 60, y + 60, x + 330, y + 20, x + 380, y + 170);
		wave.curveTo(x + 320, y + 110, x + 250, y + 170, x + 300, y + 230);
		wave.curveTo(x + 360, y + 320, x + 520, y + 330, x + w, y + h - 80);
		wave.lineTo(x + w, y + h);
		wave.closePath();
		g.setPaint(new GradientPaint((float) x, (float) (y + 60), new Color(0x1e3d6b), (float) (x + w),
				(float) (y + h), new Color(0x0f2442)));
		g.fill(wave);
		// foam claws along the crest
		g.setColor(new Color(0xf7f3ea));
		Random foam = new Random(11);
		for (int i = 0; i < 34; i++) {
			double t = i / 33.0;
			double cx = x + 20 + t * 340;
			double cy = y + 250 - Math.sin(t * Math.PI * 0.95) * 210;
			double r = 10 + foam.nextDouble() * 16;
			g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
		}
		g.setStroke(new BasicStroke(5f));
		for (int i = 0; i < 9; i++) {
			g.draw(new Arc2D.Double(x + 40 + i * 70, y + 300 + (i % 3) * 40, 120, 80, 20, 140, Arc2D.OPEN));
		}
		g.setClip(null);
	}

	static void botanicalPrint(Graphics2D g) {
		room(g, new Color(0x5a6b5c), new Color(0x6a4a30), 790);
		double x = 330;
		double y = 110;
		double w = 540;
		double h = 620;
		frame(g, x, y, w, h, new Color(0xa88a4a));
		g.setColor(new Color(0xfaf6ea));
		g.fill(new Rectangle2D.Double(x, y, w, h));
		double stemX = x + w / 2;
		// three tulips on curving stems
		double[][] heads = { { stemX - 120, y + 170, -0.25 }, { stemX + 10, y + 110, 0.05 },
				{ stemX + 130, y + 200, 0.3 } };
		Color[] petals = { new Color(0xc2302a), new Color(0xe2722c), new Color(0xb42a5c) };
		for (int i = 0; i < heads.length; i++) {
			double hx = heads[i][0];
			double hy = heads[i][1];
			outline(g, new java.awt.geom.QuadCurve2D.Double(stemX, y + h - 60, hx + (stemX - hx) * 0.3, hy + 250, hx,
					hy + 90), new Color(0x3f7a3a), 8);
			AffineTransform saved = g.getTransform();
			g.rotate(heads[i][2], hx, hy + 60);
			GeneralPath tulip = new GeneralPath();
			tulip.moveTo(hx - 45, hy);
			tulip.lineTo(hx - 22, hy + 25);
			tulip.lineTo(hx, hy - 10);
			tulip.lineTo(hx + 22, hy + 25);
			tulip.lineTo(hx + 45, hy);
			tulip.curveTo(hx + 55, hy + 80, hx + 20, hy + 100, hx, hy + 100);
			tulip.curveTo(hx - 20, hy + 100, hx - 55, hy + 80, hx - 45, hy);
			g.setPaint(new GradientPaint((float) hx, (float) hy, petals[i].brighter(), (float) hx, (float) (hy + 100),
					petals[i].darker()));
			g.fill(tulip);
			g.setTransform(saved);
		}
		// leaves
		for (int side : new int[] { -1, 1 }) {
			GeneralPath leaf = new GeneralPath();
			leaf.moveTo(stemX, y + h - 70);
			leaf.curveTo(stemX + side * 160, y + h - 200, stemX + side * 150, y + h - 380, stemX + side * 60,
					y + h - 420);
			leaf.curveTo(stemX + side * 90, y + h - 300, stemX + side * 60, y + h - 180, stemX, y + h - 70);
			g.setPaint(new GradientPaint((float) stemX, (float) (y + h - 420), new Color(0x6aa35a), (float) stemX,
					(float) (y + h), new Color(0x2f6330)));
			g.fill(leaf);
		}
	}

	static void riverLandscape(Graphics2D g) {
		room(g, new Color(0x7a2f2a), new Color(0x4a3020), 800);
		double x = 230;
		double y = 140;
		double w = 740;
		double h = 520;
		frame(g, x, y, w, h, new Color(0xb88a2a));
		g.setClip(new Rectangle2D.Double(x, y, w, h));
		g.setPaint(new GradientPaint(0, (float) y, new Color(0x8fb3d9), 0, (float) (y + h * 0.55),
				new Color(0xf3dcb0)));
		g.fill(new Rectangle2D.Double(x, y, w, h));
		g.setColor(new Color(255, 255, 255, 150));
		g.fill(new Ellipse2D.Double(x + 80, y + 60, 220, 50));
		g.fill(new Ellipse2D.Double(x + 420, y + 90, 260, 40));
		// hills, river, trees
		g.setColor(new Color(0x6b8a5a));
		g.fill(new Ellipse2D.Double(x - 120, y + 220, 600, 300));
		g.setColor(new Color(0x577a48));
		g.fill(new Ellipse2D.Double(x + 300, y + 250, 640, 280));
		g.setColor(new Color(0x4d6b3c));
		g.fill(new Rectangle2D.Double(x, y + 360, w, h - 360));
		GeneralPath river = new GeneralPath();
		river.moveTo(x + 330, y + 330);
		river.curveTo(x + 380, y + 380, x + 200, y + 420, x + 260, y + h);
		river.lineTo(x + 520, y + h);
		river.curveTo(x + 420, y + 430, x + 420, y + 370, x + 370, y + 330);
		river.closePath();
		g.setPaint(new GradientPaint(0, (float) (y + 330), new Color(0xc9dbe8), 0, (float) (y + h),
				new Color(0x6f93b3)));
		g.fill(river);
		Random trees = new Random(5);
		for (int i = 0; i < 9; i++) {
			double tx = x + 30 + trees.nextDouble() * (w - 60);
			if (tx > x + 240 && tx < x + 520) {
				continue;
			}
			double ty = y + 300 + trees.nextDouble() * 80;
			g.setColor(new Color(0x4a3422));
			g.fill(new Rectangle2D.Double(tx - 5, ty, 10, 60));
			g.setColor(new Color(0x2f5a2c));
			g.fill(new Ellipse2D.Double(tx - 40, ty - 70, 80, 90));
		}
		g.setClip(null);
	}

	// ---- ceramics and glass --------------------------------------------------------------------

	static void teapot(Graphics2D g) {
		room(g, new Color(0xe4ddd0), new Color(0x8d6b4c), 600);
		shadow(g, 600, 740, 620, 80);
		Color blue = new Color(0x1f4e9c);
		// spout and handle behind the body
		GeneralPath spout = new GeneralPath();
		spout.moveTo(760, 560);
		spout.curveTo(850, 540, 880, 420, 940, 380);
		spout.lineTo(960, 400);
		spout.curveTo(900, 460, 880, 600, 780, 640);
		spout.closePath();
		metal(g, spout, Color.WHITE, new Color(0xc9cfdc));
		outline(g, new Arc2D.Double(300, 420, 200, 230, 90, 180, Arc2D.OPEN), new Color(0xd7dce6), 34);
		Ellipse2D body = new Ellipse2D.Double(380, 380, 440, 360);
		g.setPaint(new RadialGradientPaint(new Point2D.Float(520, 470), 360, new float[] { 0f, 1f },
				new Color[] { Color.WHITE, new Color(0xc9cfdc) }));
		g.fill(body);
		// the blue pattern
		Shape clip = g.getClip();
		g.clip(body);
		g.setColor(blue);
		g.setStroke(new BasicStroke(10f));
		g.draw(new Line2D.Double(380, 470, 820, 470));
		g.draw(new Line2D.Double(380, 660, 820, 660));
		g.setStroke(new BasicStroke(6f));
		for (int i = 0; i < 7; i++) {
			double cx = 420 + i * 64;
			g.draw(new Ellipse2D.Double(cx - 22, 540, 44, 44));
			g.draw(new Line2D.Double(cx, 584, cx, 630));
			g.draw(new Arc2D.Double(cx - 30, 590, 30, 30, 0, 180, Arc2D.OPEN));
			g.draw(new Arc2D.Double(cx, 590, 30, 30, 0, 180, Arc2D.OPEN));
		}
		g.setClip(clip);
		// lid and knob
		metal(g, new Ellipse2D.Double(470, 350, 260, 70), Color.WHITE, new Color(0xc9cfdc));
		g.setColor(blue);
		g.fill(new Ellipse2D.Double(575, 310, 50, 50));
		g.setColor(new Color(255, 255, 255, 140));
		g.fill(new Ellipse2D.Double(450, 420, 120, 60));
	}

	static void celadonVase(Graphics2D g) {
		room(g, new Color(0x43403c), new Color(0x6e5038), 640);
		shadow(g, 600, 765, 420, 70);
		GeneralPath vase = new GeneralPath();
		vase.moveTo(540, 150);
		vase.lineTo(660, 150);
		vase.curveTo(650, 230, 640, 260, 700, 330);
		vase.curveTo(830, 470, 800, 680, 700, 760);
		vase.lineTo(500, 760);
		vase.curveTo(400, 680, 370, 470, 500, 330);
		vase.curveTo(560, 260, 550, 230, 540, 150);
		vase.closePath();
		g.setPaint(new RadialGradientPaint(new Point2D.Float(540, 420), 420, new float[] { 0f, 0.6f, 1f },
				new Color[] { new Color(0xd7ead8), new Color(0x93bfa0), new Color(0x4e7a5e) },
				MultipleGradientPaint.CycleMethod.NO_CYCLE));
		g.fill(vase);
		// crackle in the glaze
		Shape clip = g.getClip();
		g.clip(vase);
		Random crackle = new Random(9);
		g.setColor(new Color(40, 70, 50, 70));
		g.setStroke(new BasicStroke(1.6f));
		for (int i = 0; i < 90; i++) {
			double x = 380 + crackle.nextDouble() * 440;
			double y = 150 + crackle.nextDouble() * 610;
			Path2D line = new Path2D.Double();
			line.moveTo(x, y);
			line.lineTo(x + crackle.nextDouble() * 40 - 20, y + crackle.nextDouble() * 40 - 20);
			line.lineTo(x + crackle.nextDouble() * 60 - 30, y + crackle.nextDouble() * 60 - 30);
			g.draw(line);
		}
		g.setColor(new Color(255, 255, 255, 90));
		g.fill(new Ellipse2D.Double(470, 380, 60, 220));
		g.setClip(clip);
		metal(g, new Ellipse2D.Double(535, 138, 130, 28), new Color(0xb9d6bf), new Color(0x4e7a5e));
		g.setColor(new Color(0x263d2e));
		g.fill(new Ellipse2D.Double(555, 143, 90, 16));
	}

}
