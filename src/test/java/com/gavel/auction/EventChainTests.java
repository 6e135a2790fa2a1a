package com.gavel.auction;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain's rules, against hashes made with Python's hashlib (docs/ledger.md shows how). */
class EventChainTests {

	@Test
	void aLotsGenesisIsTheHashOfItsName() {
		// hashlib.sha256(b"gavel:lot:1").hexdigest()
		assertThat(EventChain.genesis(1)).isEqualTo("4a4c4348dc2d53679e1143e15137e3ee9ced075ae0417b0c7a0109be50a88fac");
		assertThat(EventChain.genesis(2)).isNotEqualTo(EventChain.genesis(1)).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void anEventsHashCoversThePreviousHashInHexThenTheEventInUtf8() {
		String event = "{\"A\":{\"y\":9007199254740991,\"z\":-5},\"a\":[true,false,null,\"x\"],\"b\":1,"
				+ "\"é\":\"\\u0001\\b\\t\\n\\f\\r\\\"\\\\/\u007f\u2028😀\"}";
		// hashlib.sha256((genesis + event).encode()).hexdigest()
		assertThat(EventChain.link(EventChain.genesis(1), event))
			.isEqualTo("8a80631b276bc7ab210c7542caf7425c1340d64fe5ead6a9a2aa0577567c825f");
	}

	@Test
	void theHouseDigestIsTheHashOfItsLinesOneAfterTheOther() {
		assertThat(EventChain.digest(Stream.of("1 4 ab\n", "7 2 cd\n"))).isEqualTo(EventChain.hash("1 4 ab\n7 2 cd\n"));
		// hashlib.sha256(b"").hexdigest(): a house with no closed lot
		assertThat(EventChain.digest(Stream.empty()))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

}
