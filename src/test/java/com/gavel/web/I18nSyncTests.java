package com.gavel.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the message files in step: every language has every key of the English files, none is
 * empty, a translation keeps its sentence's arguments and is really translated, every value reads
 * through {@code MessageFormat}, and every key the templates, the browser scripts and the
 * validation annotations ask for exists. A text added in English only, or a key misspelt in a
 * template, fails here rather than showing up as {@code ??key??} or a bare key on a page.
 */
class I18nSyncTests {

	private static final Path RESOURCES = Path.of("src", "main", "resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Path SCRIPTS = Path.of("frontend", "js");

	private static final Path SOURCES = Path.of("src", "main", "java");

	/** The message files as Spring reads them: spring.messages.basename=messages,admin-messages. */
	private static final List<String> BASENAMES = List.of("messages", "admin-messages");

	/** Every language besides English, as the suffix of its files. */
	private static final List<String> LANGUAGES = List.of("pt_BR");

	/**
	 * Keys whose translation is rightly the same as the English: names, symbols, units and words
	 * Portuguese borrows as they are.
	 */
	private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("app.name", "language.en", "language.pt-BR",
			"live.time.d", "live.time.s", "admin.none", "admin.utc", "admin.lots.col.status", "admin.audit.via.api",
			"admin.dash.p50", "admin.dash.p99", "admin.dash.ms", "live.receipt.seconds");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	@Test
	void everyLanguageHasEveryKeyAndNoOther() {
		for (String basename : BASENAMES) {
			Set<String> english = read(basename).keySet();
			for (String language : LANGUAGES) {
				Set<String> translated = read(basename + "_" + language).keySet();
				assertThat(minus(english, translated)).as("keys of %s.properties missing from %s_%s.properties",
						basename, basename, language)
					.isEmpty();
				assertThat(minus(translated, english)).as("keys of %s_%s.properties that %s.properties does not have",
						basename, language, basename)
					.isEmpty();
			}
		}
	}

	@Test
	void noKeyIsInTwoFilesOfOneLanguage() {
		assertThat(read("messages").keySet()).doesNotContainAnyElementsOf(read("admin-messages").keySet());
	}

	@Test
	void noValueIsEmpty() {
		for (String file : files()) {
			read(file).forEach((key, value) -> assertThat(value).as("%s in %s.properties", key, file).isNotBlank());
		}
	}

	@Test
	void everyTranslationIsATranslation() {
		for (String basename : BASENAMES) {
			Map<String, String> english = read(basename);
			for (String language : LANGUAGES) {
				Map<String, String> translated = read(basename + "_" + language);
				List<String> copied = english.keySet()
					.stream()
					.filter((key) -> english.get(key).equals(translated.get(key)))
					.filter((key) -> !SAME_IN_EVERY_LANGUAGE.contains(key))
					.toList();
				assertThat(copied).as("values of %s_%s.properties copied from English", basename, language).isEmpty();
			}
		}
	}

	@Test
	void aTranslationKeepsItsSentencesArguments() {
		for (String basename : BASENAMES) {
			Map<String, String> english = read(basename);
			for (String language : LANGUAGES) {
				Map<String, String> translated = read(basename + "_" + language);
				english.forEach((key, value) -> assertThat(arguments(translated.getOrDefault(key, "")))
					.as("the arguments of %s in %s_%s.properties", key, basename, language)
					.isEqualTo(arguments(value)));
			}
		}
	}

	@Test
	void everyValueReadsThroughMessageFormat() {
		for (String file : files()) {
			read(file).forEach((key, value) -> {
				// Any text may be formatted with arguments, and MessageFormat would swallow an
				// apostrophe: the files write ’ instead.
				assertThat(value).as("%s in %s.properties", key, file).doesNotContain("'");
				String formatted = new MessageFormat(value, Locale.ROOT).format(sampleArguments(value));
				assertThat(formatted).as("%s in %s.properties", key, file).doesNotContain("{");
			});
		}
	}

	/** The scripts fill in {0}, {1}… themselves and know no MessageFormat types such as choice. */
	@Test
	void sentencesForTheScriptsTakePlainArgumentsOnly() {
		for (String file : files()) {
			read(file).forEach((key, value) -> {
				if (key.startsWith("live.") || key.startsWith("status.")) {
					assertThat(value).as("%s in %s.properties", key, file).doesNotContainPattern("\\{\\d+,");
				}
			});
		}
	}

	@Test
	void everyKeyTheTemplatesUseExists() {
		Set<String> keys = allKeys();
		Pattern literal = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
		Pattern prefix = Pattern.compile("#\\{\\s*'([\\w.-]+)'\\s*\\+");
		List<String> missing = new ArrayList<>();
		for (Path template : list(TEMPLATES, ".html")) {
			String html = text(template);
			literal.matcher(html).results().map((m) -> m.group(1)).filter((key) -> !keys.contains(key))
				.forEach((key) -> missing.add(TEMPLATES.relativize(template) + ": " + key));
			prefix.matcher(html).results().map((m) -> m.group(1)).filter((p) -> noneStartsWith(keys, p))
				.forEach((p) -> missing.add(TEMPLATES.relativize(template) + ": " + p + "*"));
		}
		assertThat(missing).isEmpty();
		assertThat(literal.matcher(text(TEMPLATES.resolve("fragments/layout.html"))).results().count())
			.as("the scan finds the layout's keys").isGreaterThan(10);
	}

	/**
	 * The bidder scripts read the {@code live.*} and {@code status.*} sentences that
	 * {@link PageText} hands them (without the {@code live.} prefix); the admin dashboard reads
	 * the {@code data-key} texts its template lists.
	 */
	@Test
	void everyKeyTheScriptsUseExists() {
		Set<String> pageTexts = new TreeSet<>();
		read("messages").keySet().forEach((key) -> {
			if (key.startsWith("live.")) {
				pageTexts.add(key.substring("live.".length()));
			}
			else if (key.startsWith("status.")) {
				pageTexts.add(key);
			}
		});
		Set<String> dashboardTexts = new TreeSet<>();
		Matcher dataKey = Pattern.compile("data-key=\"([\\w.-]+)\"")
			.matcher(text(TEMPLATES.resolve("admin/dashboard.html")));
		while (dataKey.find()) {
			dashboardTexts.add(dataKey.group(1));
		}
		List<String> missing = new ArrayList<>();
		int found = 0;
		for (Path script : list(SCRIPTS, ".js")) {
			Set<String> known = script.getFileName().toString().startsWith("admin-") ? dashboardTexts : pageTexts;
			for (String key : scriptKeys(text(script))) {
				found++;
				boolean exists = key.endsWith("*") ? !noneStartsWith(known, key.substring(0, key.length() - 1))
						: known.contains(key);
				if (!exists) {
					missing.add(script.getFileName() + ": " + key);
				}
			}
		}
		assertThat(missing).isEmpty();
		assertThat(found).as("the scan finds the scripts' keys").isGreaterThan(50);
	}

	@Test
	void everyKeyTheValidationAnnotationsUseExists() {
		Set<String> keys = allKeys();
		Pattern annotation = Pattern.compile("message\\s*=\\s*\"\\{([\\w.-]+)\\}\"");
		List<String> missing = new ArrayList<>();
		int found = 0;
		for (Path source : list(SOURCES, ".java")) {
			Matcher m = annotation.matcher(text(source));
			while (m.find()) {
				found++;
				if (!keys.contains(m.group(1))) {
					missing.add(source.getFileName() + ": " + m.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
		assertThat(found).as("the scan finds the annotations").isGreaterThan(10);
	}

	/**
	 * The keys a script asks {@code t(…)} for: quoted literals as the first argument (also both
	 * sides of a {@code ? :}), and for template literals such as {@code `status.${s}`} the prefix,
	 * marked with a trailing {@code *}.
	 */
	static Set<String> scriptKeys(String script) {
		Set<String> keys = new TreeSet<>();
		Matcher call = Pattern.compile("\\bt\\(([^,)]*)").matcher(script);
		while (call.find()) {
			String argument = call.group(1).strip();
			Matcher whole = Pattern.compile("^'([\\w.-]+)'$").matcher(argument);
			Matcher template = Pattern.compile("^`([\\w.-]+)\\$\\{").matcher(argument);
			if (whole.find()) {
				keys.add(whole.group(1));
			}
			else if (template.find()) {
				keys.add(template.group(1) + "*");
			}
			else {
				Pattern.compile("[?:]\\s*'([\\w.-]+)'").matcher(argument).results().forEach((m) -> keys.add(m.group(1)));
			}
		}
		return keys;
	}

	private static boolean noneStartsWith(Set<String> keys, String prefix) {
		return keys.stream().noneMatch((key) -> key.startsWith(prefix));
	}

	private static Set<String> arguments(String value) {
		Set<String> found = new TreeSet<>();
		ARGUMENT.matcher(value).results().forEach((m) -> found.add(m.group(1)));
		return found;
	}

	private static Object[] sampleArguments(String value) {
		int count = arguments(value).stream().mapToInt(Integer::parseInt).max().orElse(-1) + 1;
		Object[] sample = new Object[count];
		for (int i = 0; i < count; i++) {
			sample[i] = 2;
		}
		return sample;
	}

	private static Set<String> allKeys() {
		Set<String> keys = new TreeSet<>();
		BASENAMES.forEach((basename) -> keys.addAll(read(basename).keySet()));
		return keys;
	}

	private static List<String> files() {
		List<String> files = new ArrayList<>(BASENAMES);
		for (String basename : BASENAMES) {
			LANGUAGES.forEach((language) -> files.add(basename + "_" + language));
		}
		return files;
	}

	/** A message file as Spring reads it (UTF-8), in the order of its lines. */
	static Map<String, String> read(String file) {
		Path path = RESOURCES.resolve(file + ".properties");
		Map<String, String> entries = new LinkedHashMap<>();
		Properties properties = new Properties() {
			@Override
			public synchronized Object put(Object key, Object value) {
				assertThat(entries).as("%s is set twice in %s", key, path).doesNotContainKey((String) key);
				entries.put((String) key, (String) value);
				return super.put(key, value);
			}
		};
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(entries).as(path.toString()).isNotEmpty();
		return entries;
	}

	private static Set<String> minus(Set<String> a, Set<String> b) {
		Set<String> difference = new TreeSet<>(a);
		difference.removeAll(b);
		return difference;
	}

	private static List<Path> list(Path dir, String suffix) {
		try (Stream<Path> paths = Files.walk(dir)) {
			return paths.filter((p) -> p.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
