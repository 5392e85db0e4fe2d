package dev.dealstream.web;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/** The problems a Spring WebFlux service answers for what its stack refuses before an endpoint runs. */
@RestControllerAdvice
public class ReactiveApiExceptionHandler extends ApiExceptionHandler {

    private final int maxBodyBytes;

    public ReactiveApiExceptionHandler(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Problem> unreadable(ServerWebInputException e) {
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof DataBufferLimitException) {
            return tooLarge();
        }
        return malformed();
    }

    /** A body without Content-Length that went past the codecs' limit while it was read. */
    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<Problem> tooLarge(DataBufferLimitException e) {
        return tooLarge();
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<Problem> unsupportedMediaType(UnsupportedMediaTypeStatusException e) {
        return unsupportedMediaType();
    }

    @ExceptionHandler(NotAcceptableStatusException.class)
    ResponseEntity<Problem> notAcceptable(NotAcceptableStatusException e) {
        return notAcceptable();
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    ResponseEntity<Problem> methodNotAllowed(MethodNotAllowedException e) {
        return methodNotAllowed(e.getHttpMethod());
    }

    /** Whatever else the stack refuses with a status, such as a path no endpoint serves. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> refusedByTheStack(ResponseStatusException e) {
        switch (e.getStatusCode().value()) {
            case 400:
                return Problems.of(ReasonCode.MALFORMED_REQUEST, "the request could not be read");
            case 404:
                return Problems.of(ReasonCode.NOT_FOUND, "no resource at this path");
            case 413:
                return tooLarge();
            default:
                return unexpected(e);
        }
    }

    private ResponseEntity<Problem> tooLarge() {
        return Problems.of(ReasonCode.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.refusal(maxBodyBytes));
    }
}
