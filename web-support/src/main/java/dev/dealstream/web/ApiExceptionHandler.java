package dev.dealstream.web;

import dev.dealstream.topics.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Every error any Dealstream service answers is a problem with a reason code, never a bare 500 page.
 * This part holds what both web stacks share; {@link ServletApiExceptionHandler} and
 * {@link ReactiveApiExceptionHandler} map each stack's own exceptions.
 */
public abstract class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Problem> refused(ApiException e) {
        return Problems.of(e.code(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Problem> unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return Problems.of(new Problem("about:blank", "Internal error", 500, "an unexpected error occurred", "INTERNAL_ERROR", null));
    }
}
