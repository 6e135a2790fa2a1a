package com.gavel.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnTests {

	@Test
	void aBatchFrameIsSplitIntoItsMessagesEvenWhenTheirTextsHoldBracesAndQuotes() {
		String first = "{\"type\":\"event\",\"lotId\":1,\"seq\":4,\"lot\":{\"title\":\"A {curly} \\\"lamp\\\"\"}}";
		String second = "{\"type\":\"event\",\"lotId\":1,\"seq\":5,\"lot\":{\"title\":\"}\"}}";

		assertThat(Conn.batchMessages("{\"type\":\"batch\",\"messages\":[" + first + "," + second + "]}"))
			.containsExactly(first, second);
	}

}
