package com.gavel.auction;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The head of the house, for anyone to fetch and for the house to publish (docs/ledger.md). */
@RestController
class LedgerApiController {

	private final LedgerHeads heads;

	LedgerApiController(LedgerHeads heads) {
		this.heads = heads;
	}

	@GetMapping(path = "/api/ledger/head", produces = MediaType.APPLICATION_JSON_VALUE)
	LedgerHead head() {
		return this.heads.head();
	}

}
