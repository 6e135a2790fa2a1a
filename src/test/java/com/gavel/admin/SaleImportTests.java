package com.gavel.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.gavel.auction.SaleLotSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading an import file, without a database: what a row becomes, and every problem of every row
 * named by its spreadsheet row (the header is row 1) and column.
 */
class SaleImportTests {

	private final List<SaleImport.RowError> errors = new ArrayList<>();

	private final Map<Integer, Integer> taken = new HashMap<>(Map.of(7, 0));

	private List<SaleImport.Row> read(String csv, String currency) {
		return SaleImport.read(csv, currency, Set.of("front.jpg", "back.jpg"), this.taken, this.errors);
	}

	private List<String> problems() {
		return this.errors.stream().map((e) -> e.row() + ":" + e.column() + ":" + e.code()).toList();
	}

	@Test
	void aGoodRowBecomesALotInMinorUnits() {
		List<SaleImport.Row> rows = read("""
				\uFEFFLot Number,Title,Description,Estimate-Low,estimate high,START_PRICE,reserve,buy_now,photos,category
				3,Mantel clock,"Black marble,
				strikes the hour",100,150.50,40,60,90,front.jpg; back.jpg | front.jpg,  Clocks  &   watches\s
				""", "EUR");

		assertThat(this.errors).isEmpty();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).spec()).isEqualTo(new SaleLotSpec("Mantel clock", "Black marble,\nstrikes the hour", 4000,
				6000L, 9000L, 3, 10_000L, 15_050L));
		assertThat(rows.get(0).photos()).containsExactly("front.jpg", "back.jpg");
		assertThat(rows.get(0).category()).isEqualTo("Clocks & watches");
	}

	@Test
	void semicolonsSeparateWhenTheHeaderHasNoComma() {
		List<SaleImport.Row> rows = read("lot_number;title;start_price\n1;Lamp, brass;12,50\n2;Vase;8\n", "EUR");

		assertThat(problems()).containsExactly("2:start_price:admin.import.error.amount");
		assertThat(rows).extracting((r) -> r.spec().title()).containsExactly("Vase");
	}

	@Test
	void everyProblemOfEveryRowIsNamed() {
		read("""
				lot_number,title,start_price,reserve,estimate_low,estimate_high,photos
				0,Zero,10,,,,
				2,,abc,,,,
				3,Low reserve,10,5,,,
				4,Half estimate,10,,100,,
				5,Upside down,10,,200,100,
				6,No photo,10,,,,missing.jpg
				7,Taken,10,,,,
				8,Twice,10,,,,
				8,Twice again,10,,,,
				9,Too many fields,10,,,,,extra
				""", "EUR");

		assertThat(problems()).containsExactly("2:lot_number:admin.import.error.number",
				"3:title:admin.import.error.required", "3:start_price:admin.import.error.amount",
				"4:reserve:admin.import.error.reserveBelowStart", "5:estimate_high:admin.import.error.estimatePair",
				"6:estimate_high:admin.import.error.estimateOrder", "7:photos:admin.import.error.photoMissing",
				"8:lot_number:admin.import.error.numberTaken", "10:lot_number:admin.import.error.numberTwice",
				"11:null:admin.import.error.columns");
		assertThat(this.errors.get(8).args()).containsExactly(8, 9);
	}

	@Test
	void amountsHaveNoMoreDecimalsThanTheCurrency() {
		List<SaleImport.Row> rows = read("lot_number,title,start_price\n1,Netsuke,10000.5\n2,Inro,25000\n", "JPY");

		assertThat(problems()).containsExactly("2:start_price:admin.import.error.scale");
		assertThat(this.errors.get(0).args()).containsExactly("JPY", 0);
		assertThat(rows).extracting((r) -> r.spec().startPrice()).containsExactly(25_000L);
	}

	@Test
	void theHeaderMustNameTheRequiredColumnsOnceAndNoOthers() {
		read("lot_number,titel,title,Title,start_price\n1,a,b,c,10\n", "EUR");

		assertThat(problems()).containsExactly("1:titel:admin.import.error.header.unknown",
				"1:Title:admin.import.error.header.twice");
	}

	@Test
	void aFileWithoutRowsOrUnreadableIsOneProblem() {
		read("lot_number,title,start_price\n", "EUR");
		assertThat(problems()).containsExactly("0:null:admin.import.error.empty");

		this.errors.clear();
		read("", "EUR");
		assertThat(problems()).containsExactly("0:null:admin.import.error.empty");

		this.errors.clear();
		read("lot_number,title,start_price\n1,\"unclosed,10\n", "EUR");
		assertThat(problems()).containsExactly("0:null:admin.import.error.file");
	}

	@Test
	void tooManyRowsIsOneProblem() {
		this.taken.clear();
		StringBuilder csv = new StringBuilder("lot_number,title,start_price\n");
		for (int i = 1; i <= SaleImport.MAX_ROWS + 1; i++) {
			csv.append(i).append(",Lot ").append(i).append(",10\n");
		}
		read(csv.toString(), "EUR");
		assertThat(problems()).containsExactly("0:null:admin.import.error.tooMany");
	}

	@Test
	void aLotHasAtMostTwelvePhotos() {
		StringBuilder names = new StringBuilder("front.jpg");
		for (int i = 0; i < LotPhotos.MAX_PER_LOT; i++) {
			names.append(";p").append(i).append(".jpg");
		}
		read("lot_number,title,start_price,photos\n1,Clock,10," + names + "\n", "EUR");
		assertThat(problems()).contains("2:photos:admin.import.error.photosTooMany");
	}

}
