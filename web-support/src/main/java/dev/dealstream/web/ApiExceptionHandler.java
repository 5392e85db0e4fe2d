package dev.dealstream.web;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Every error any Dealstream service answers is a problem with a reason code, never a bare 500 page.
 * This part holds what both web stacks share; {@link ServletApiExceptionHandler} (a controller advice)
 * and {@link ReactiveApiExceptionHandler} (a WebExceptionHandler) map each stack's own exceptions.
 */
public abstract class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Problem> refused(ApiException e) {
        return problemOf(e);
    }

    private static ResponseEntity<Problem> problemOf(ApiException refusal) {
        return Problems.of(refusal.code(), refusal.getMessage());
    }

    /** The body's media type is not JSON (each stack raises its own exception for it). */
    protected static ResponseEntity<Problem> unsupportedMediaType() {
        return problemOf(ApiException.unsupportedMediaType());
    }

    /** The caller accepts no media type we answer with. */
    protected static ResponseEntity<Problem> notAcceptable() {
        return Problems.of(ReasonCode.NOT_ACCEPTABLE, "answers are application/json");
    }

    /** {@code method} is not served at this path. */
    protected static ResponseEntity<Problem> methodNotAllowed(Object method) {
        return Problems.of(ReasonCode.METHOD_NOT_ALLOWED, method + " is not supported here");
    }

    /** The body is missing or is not JSON. */
    protected static ResponseEntity<Problem> malformed() {
        return problemOf(ApiException.malformedBody());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Problem> unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return Problems.of(new Problem("about:blank", "Internal error", 500, "an unexpected error occurred", "INTERNAL_ERROR", null));
    }
}
