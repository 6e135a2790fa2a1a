package com.gavel.web;

import java.util.Map;
import java.util.stream.Collectors;

import com.gavel.auction.InvalidBidException;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LiveSaleException;
import com.gavel.auction.LotStateException;
import com.gavel.auction.SaleNotFoundException;
import com.gavel.auction.SaleStateException;

import org.springframework.http.HttpHeaders;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures of the JSON API into RFC 9457 problem details, each with a stable {@code reason}
 * a program can switch on.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(LotNotFoundException.class)
	ProblemDetail notFound(LotNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "lot-not-found", ex.getMessage());
	}

	@ExceptionHandler(LotStateException.class)
	ProblemDetail wrongState(LotStateException ex) {
		String reason = ex instanceof LiveSaleException live ? live.reason() : "invalid-state";
		return problem(HttpStatus.CONFLICT, reason, ex.getMessage());
	}

	@ExceptionHandler(SaleNotFoundException.class)
	ProblemDetail saleNotFound(SaleNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "sale-not-found", ex.getMessage());
	}

	@ExceptionHandler(SaleStateException.class)
	ProblemDetail saleState(SaleStateException ex) {
		return problem(HttpStatus.CONFLICT, "invalid-state", ex.getMessage());
	}

	@ExceptionHandler({ InvalidBidException.class, IllegalArgumentException.class })
	ProblemDetail invalid(RuntimeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.collect(Collectors.toMap((e) -> e.getField(), (e) -> String.valueOf(e.getDefaultMessage()),
					(a, b) -> a));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Some fields are not valid.");
		problem.setProperty("fields", fields);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * The database cannot be reached (a restart, a failover): the client may send the same request
	 * again, with the same request id for a bid, which is never counted twice.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
					"The auction house cannot reach its database just now. Try again in a moment."));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && (problem.getProperties() == null
				|| !problem.getProperties().containsKey("reason"))) {
			problem.setProperty("reason", statusCode.is4xxClientError() ? "invalid-request" : "server-error");
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	static ProblemDetail problem(HttpStatus status, String reason, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("reason", reason);
		return problem;
	}

}
