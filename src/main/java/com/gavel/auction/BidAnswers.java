package com.gavel.auction;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A decided bid as the JSON API answers it, however it came in: 200 with the result when it was
 * accepted, otherwise a problem whose status and {@code reason} say why (with the lot as it stood).
 */
public final class BidAnswers {

	private BidAnswers() {
	}

	public static ResponseEntity<?> of(BidResult result) {
		if (result.accepted()) {
			return ResponseEntity.ok(result);
		}
		RejectReason reason = result.reason();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(reason.status(), reason.message());
		problem.setTitle("Bid not accepted");
		problem.setProperty("reason", reason.code());
		problem.setProperty("requestId", result.requestId());
		problem.setProperty("arrivedAt", result.arrivedAt());
		if (result.lot() != null) {
			problem.setProperty("lot", result.lot());
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(reason.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (reason == RejectReason.RATE_LIMITED) {
			response.header(HttpHeaders.RETRY_AFTER, "1");
		}
		return response.body(problem);
	}

}
