package com.gavel.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.admin.AuditLog.Subject;
import com.gavel.auction.Catalogue;
import com.gavel.auction.LotView;
import com.gavel.auction.Money;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleNotFoundException;
import com.gavel.auction.SaleStateException;
import com.gavel.auction.Sales;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Lots for a sale from a CSV file, all or nothing: every row is checked first and every problem
 * of every row reported (row, column, what is wrong); only a file without any is imported, in one
 * transaction with the lots' photos, categories and audit entries, so nothing is imported while
 * any row is wrong, nor half of a file when something fails midway.
 * <p>
 * The file has a header row naming its columns, in any order (case, spaces and hyphens do not
 * matter): {@code lot_number}, {@code title} and {@code start_price} are required;
 * {@code description}, {@code estimate_low}, {@code estimate_high}, {@code reserve},
 * {@code buy_now}, {@code photos} and {@code category} may be left out. Amounts are in the sale's
 * currency ({@code 40}, {@code 12.50}); {@code photos} names photos uploaded for the sale
 * ({@link SalePhotos}), separated by {@code ;} or {@code |}. Fields are separated by commas, or by
 * semicolons when the header has no comma, and quoted as RFC 4180 says (Apache Commons CSV reads them).
 * "Row" is the row in a spreadsheet: the header is row 1.
 */
@Service
class SaleImport {

	/** Rows one import takes at most. */
	static final int MAX_ROWS = 2000;

	static final List<String> REQUIRED = List.of("lot_number", "title", "start_price");

	static final List<String> OPTIONAL = List.of("description", "estimate_low", "estimate_high", "reserve", "buy_now",
			"photos", "category");

	/**
	 * One problem: its row (0 for the file as a whole), its column ({@code null} for the whole row
	 * or file), and what is wrong as a key of admin-messages.properties with its arguments.
	 */
	record RowError(int row, String column, String code, List<Object> args) {

		String text(MessageSource messages, Locale locale) {
			return messages.getMessage(this.code, this.args.toArray(), this.code, locale);
		}

	}

	/** The file was not imported; these are all its problems. */
	static final class RefusedException extends RuntimeException {

		private final List<RowError> errors;

		RefusedException(List<RowError> errors) {
			super(errors.size() + " problems in the import");
			this.errors = List.copyOf(errors);
		}

		List<RowError> errors() {
			return this.errors;
		}

	}

	/** A row that passed every check. */
	record Row(SaleLotSpec spec, List<String> photos, String category) {
	}

	private final Sales sales;

	private final SaleCatalog catalog;

	private final SalePhotos inbox;

	private final LotPhotos photos;

	private final LotCategories categories;

	private final AuditLog audit;

	SaleImport(Sales sales, SaleCatalog catalog, SalePhotos inbox, LotPhotos photos, LotCategories categories,
			AuditLog audit) {
		this.sales = sales;
		this.catalog = catalog;
		this.inbox = inbox;
		this.photos = photos;
		this.categories = categories;
		this.audit = audit;
	}

	/**
	 * Imports the file's lots into the sale, or none of them.
	 * @throws RefusedException with every problem found, when there is any
	 * @throws SaleStateException when the sale has opened (its catalogue no longer changes)
	 */
	List<LotView> importCsv(GavelUser admin, Via via, long saleId, String csv) {
		SaleDetails sale = this.catalog.adminSale(saleId).orElseThrow(() -> new SaleNotFoundException("no such sale"));
		if (!this.catalog.termsOpen(saleId)) {
			throw new SaleStateException("a sale that is " + sale.status() + " keeps its lots: nothing was imported");
		}
		List<RowError> errors = new ArrayList<>();
		Map<Integer, Integer> taken = new HashMap<>();
		sale.lots().forEach((l) -> taken.put(l.lotNumber(), 0));
		List<Row> rows = read(csv, sale.currency(), this.inbox.names(saleId), taken, errors);
		if (!errors.isEmpty()) {
			throw new RefusedException(errors);
		}
		Map<SaleLotSpec, Row> byLot = new HashMap<>();
		rows.forEach((row) -> byLot.put(row.spec(), row));
		Set<String> used = new LinkedHashSet<>();
		rows.forEach((row) -> used.addAll(row.photos()));
		return this.sales.createLots(saleId, rows.stream().map(Row::spec).toList(), (lot, spec) -> {
			Row row = byLot.get(spec);
			this.audit.record(admin, via, AuditAction.LOT_CREATED, Subject.lot(lot.id()),
					AdminSaleActions.describe(saleId, spec, sale.currency()) + " (import)", null);
			for (String name : row.photos()) {
				byte[] data = this.inbox.data(saleId, name).orElseThrow(() -> new SaleStateException(
						"the photo " + name + " was removed during the import: nothing was imported"));
				this.photos.add(admin, lot.id(), data, name, null);
			}
			if (row.category() != null) {
				this.categories.set(admin, lot.id(), row.category());
			}
		}, () -> {
			this.inbox.used(saleId, used);
			this.audit.record(admin, via, AuditAction.SALE_IMPORTED, Subject.none(),
					AdminSaleActions.sale(saleId) + ": " + rows.size() + (rows.size() == 1 ? " lot" : " lots")
							+ (used.isEmpty() ? "" : ", " + used.size() + " photos"),
					null);
		});
	}

	/** Every row of the file, checked; the problems go to {@code errors}. */
	static List<Row> read(String csv, String currency, Set<String> photosHeld, Map<Integer, Integer> taken,
			List<RowError> errors) {
		String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = !firstLine.contains(",") && firstLine.contains(";") ? ';' : ',';
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
			.setAllowMissingColumnNames(true)
			.get();
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			Map<String, String> columns = columns(parser.getHeaderNames(), errors);
			if (!errors.isEmpty()) {
				return rows;
			}
			int rowNumber = 1;
			for (CSVRecord record : parser) {
				rowNumber++;
				if (rowNumber - 1 > MAX_ROWS) {
					errors.add(new RowError(0, null, "admin.import.error.tooMany", List.of(MAX_ROWS)));
					return rows;
				}
				Row row = row(record, rowNumber, parser.getHeaderNames().size(), columns, currency, photosHeld, taken,
						errors);
				if (row != null) {
					rows.add(row);
				}
			}
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			errors.add(new RowError(0, null, "admin.import.error.file", List.of(String.valueOf(ex.getMessage()))));
			return rows;
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new RowError(0, null, "admin.import.error.empty", List.of()));
		}
		return rows;
	}

	/** The header's columns by their normalised names, each to its name in the file. */
	private static Map<String, String> columns(List<String> header, List<RowError> errors) {
		Map<String, String> columns = new HashMap<>();
		for (String name : header) {
			String key = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
			if (key.isEmpty()) {
				continue;
			}
			if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
				errors.add(new RowError(1, name, "admin.import.error.header.unknown", List.of(name)));
			}
			else if (columns.putIfAbsent(key, name) != null) {
				errors.add(new RowError(1, name, "admin.import.error.header.twice", List.of(name)));
			}
		}
		for (String required : REQUIRED) {
			if (!columns.containsKey(required) && !header.isEmpty()) {
				errors.add(new RowError(1, required, "admin.import.error.header.missing", List.of(required)));
			}
		}
		if (header.isEmpty()) {
			errors.add(new RowError(0, null, "admin.import.error.empty", List.of()));
		}
		return columns;
	}

	private static Row row(CSVRecord record, int rowNumber, int headerSize, Map<String, String> columns,
			String currency, Set<String> photosHeld, Map<Integer, Integer> taken, List<RowError> errors) {
		Fields fields = new Fields(record, rowNumber, columns, errors);
		int before = errors.size();
		// A row with more fields than the header has a stray separator or quote; fewer is fine (empty).
		if (record.size() > headerSize) {
			errors.add(new RowError(rowNumber, null, "admin.import.error.columns",
					List.of(record.size(), headerSize)));
		}
		Integer number = fields.lotNumber();
		if (number != null) {
			Integer other = taken.putIfAbsent(number, rowNumber);
			if (other != null && other == 0) {
				errors.add(new RowError(rowNumber, "lot_number", "admin.import.error.numberTaken", List.of(number)));
			}
			else if (other != null) {
				errors.add(new RowError(rowNumber, "lot_number", "admin.import.error.numberTwice", List.of(number, other)));
			}
		}
		String title = fields.text("title", 200, true);
		String description = fields.text("description", 4000, false);
		Long start = fields.amount("start_price", currency, true);
		Long reserve = fields.amount("reserve", currency, false);
		Long buyNow = fields.amount("buy_now", currency, false);
		Long low = fields.amount("estimate_low", currency, false);
		Long high = fields.amount("estimate_high", currency, false);
		if (start != null && reserve != null && reserve < start) {
			errors.add(new RowError(rowNumber, "reserve", "admin.import.error.reserveBelowStart", List.of()));
		}
		if (buyNow != null && ((start != null && buyNow < start) || (reserve != null && buyNow < reserve))) {
			errors.add(new RowError(rowNumber, "buy_now", "admin.import.error.buyNowBelow", List.of()));
		}
		if (fields.given("estimate_low") != fields.given("estimate_high")) {
			errors.add(new RowError(rowNumber, fields.given("estimate_low") ? "estimate_high" : "estimate_low",
					"admin.import.error.estimatePair", List.of()));
		}
		else if (low != null && high != null && high < low) {
			errors.add(new RowError(rowNumber, "estimate_high", "admin.import.error.estimateOrder", List.of()));
		}
		List<String> photos = fields.photos(photosHeld);
		String category = fields.text("category", LotCategories.MAX_LENGTH, false);
		if (errors.size() > before || number == null || title == null || start == null) {
			return null;
		}
		return new Row(new SaleLotSpec(title, description == null ? "" : description, start, reserve, buyNow, number,
				low, high), photos, category == null ? null : LotCategories.clean(category));
	}

	/** The fields of one row, read and checked one by one. */
	private static final class Fields {

		private final CSVRecord record;

		private final int row;

		private final Map<String, String> columns;

		private final List<RowError> errors;

		Fields(CSVRecord record, int row, Map<String, String> columns, List<RowError> errors) {
			this.record = record;
			this.row = row;
			this.columns = columns;
			this.errors = errors;
		}

		String raw(String column) {
			String name = this.columns.get(column);
			if (name == null || !this.record.isSet(name)) {
				return null;
			}
			String value = this.record.get(name).strip();
			return value.isEmpty() ? null : value;
		}

		boolean given(String column) {
			return raw(column) != null;
		}

		String text(String column, int max, boolean required) {
			String value = raw(column);
			if (value == null) {
				if (required) {
					error(column, "admin.import.error.required");
				}
				return null;
			}
			if (value.length() > max) {
				error(column, "admin.import.error.tooLong", max);
				return null;
			}
			return value;
		}

		Integer lotNumber() {
			String value = raw("lot_number");
			if (value == null) {
				error("lot_number", "admin.import.error.required");
				return null;
			}
			if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1) {
				error("lot_number", "admin.import.error.number", Catalogue.MAX_LOT_NUMBER);
				return null;
			}
			return Integer.parseInt(value);
		}

		Long amount(String column, String currency, boolean required) {
			String value = raw(column);
			if (value == null) {
				if (required) {
					error(column, "admin.import.error.required");
				}
				return null;
			}
			BigDecimal amount;
			try {
				amount = Money.parse(value);
			}
			catch (IllegalArgumentException ex) {
				error(column, "admin.import.error.amount");
				return null;
			}
			try {
				return Money.toMinor(amount, currency);
			}
			catch (IllegalArgumentException ex) {
				error(column, "admin.import.error.scale", currency, Money.scale(currency));
				return null;
			}
		}

		List<String> photos(Set<String> held) {
			String value = raw("photos");
			if (value == null) {
				return List.of();
			}
			List<String> names = new ArrayList<>();
			for (String part : value.split("[;|]")) {
				String name = part.strip();
				if (name.isEmpty() || names.contains(name)) {
					continue;
				}
				if (!held.contains(name)) {
					error("photos", "admin.import.error.photoMissing", name);
				}
				names.add(name);
			}
			if (names.size() > LotPhotos.MAX_PER_LOT) {
				error("photos", "admin.import.error.photosTooMany", LotPhotos.MAX_PER_LOT);
			}
			return names;
		}

		private void error(String column, String code, Object... args) {
			this.errors.add(new RowError(this.row, column, code, List.of(args)));
		}

	}

}
