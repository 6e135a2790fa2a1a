package com.gavel.live;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageCodecTests {

	private final MessageCodec codec = new MessageCodec(JsonMapper.builder().build());

	@Test
	void readsSubscriptionsWithAndWithoutALastSequence() {
		ClientMessage.Subscribe subscribe = (ClientMessage.Subscribe) this.codec
			.read("{\"type\":\"subscribe\",\"lots\":[{\"id\":1,\"after\":17},{\"id\":4},9]}");
		assertThat(subscribe.lots()).containsExactly(new ClientMessage.LotCursor(1, 17L),
				new ClientMessage.LotCursor(4, null), new ClientMessage.LotCursor(9, null));
	}

	@Test
	void passesAmountsOnAsTheClientWroteThemForTheBidIntakeToJudge() {
		ClientMessage.Bid text = (ClientMessage.Bid) this.codec
			.read("{\"type\":\"bid\",\"lot\":3,\"requestId\":\"r-1\",\"amount\":\"0.30\"}");
		assertThat(text.amount()).isEqualTo("0.30");
		ClientMessage.Bid number = (ClientMessage.Bid) this.codec
			.read("{\"type\":\"bid\",\"lot\":3,\"requestId\":\"r-2\",\"maximum\":0.1}");
		// 0.1 as a double would be 0.1000000000000000055...; exact decimal reading keeps it 0.1.
		assertThat(number.maximum()).isEqualTo("0.1");
		assertThat(number.amount()).isNull();
		// An exponent stays an exponent (refused by the intake), never expanded into digits.
		ClientMessage.Bid exponent = (ClientMessage.Bid) this.codec
			.read("{\"type\":\"bid\",\"lot\":3,\"requestId\":\"r-3\",\"amount\":1E-50000000}");
		assertThat(exponent.amount()).isEqualTo("1E-50000000");
	}

	@Test
	void readsBuyNow() {
		ClientMessage.Bid buyNow = (ClientMessage.Bid) this.codec
			.read("{\"type\":\"bid\",\"lot\":3,\"requestId\":\"r-3\",\"kind\":\"buy-now\"}");
		assertThat(buyNow.buyNow()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "nope", "[]", "42", "{}", "{\"type\":7}", "{\"type\":\"dance\"}",
			"{\"type\":\"subscribe\"}", "{\"type\":\"subscribe\",\"lots\":[]}",
			"{\"type\":\"subscribe\",\"lots\":[\"one\"]}", "{\"type\":\"subscribe\",\"lots\":[{\"id\":-1}]}",
			"{\"type\":\"subscribe\",\"lots\":[{\"id\":1,\"after\":\"x\"}]}", "{\"type\":\"unsubscribe\",\"lots\":[1.5]}",
			"{\"type\":\"bid\",\"requestId\":\"a\",\"amount\":\"1\"}", "{\"type\":\"bid\",\"lot\":1,\"amount\":\"1\"}",
			"{\"type\":\"bid\",\"lot\":1,\"requestId\":7,\"amount\":\"1\"}",
			"{\"type\":\"bid\",\"lot\":1,\"requestId\":\"a\",\"amount\":true}",
			"{\"type\":\"bid\",\"lot\":1,\"requestId\":\"a\",\"kind\":\"steal\",\"amount\":\"1\"}",
			"{\"type\":\"ping\"}", "{\"type\":\"ping\",\"t\":\"now\"}" })
	void rejectsMalformedMessagesWithAReason(String text) {
		assertThatThrownBy(() -> this.codec.read(text)).isInstanceOf(BadMessageException.class)
			.hasMessageNotContaining("Exception");
	}

	@Test
	void eventFramesWrapTheStoredEventWithoutReparsingIt() {
		assertThat(MessageCodec.eventFrame("{\"lotId\":1,\"seq\":2}")).isEqualTo("{\"type\":\"event\",\"lotId\":1,\"seq\":2}");
	}

}
