package dev.dealstream.web;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** The problems a Spring WebFlux service answers for what its stack refuses before an endpoint runs. */
@RestControllerAdvice
public class ReactiveApiExceptionHandler extends ApiExceptionHandler {

    private final int maxBodyBytes;

    public ReactiveApiExceptionHandler(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A body without Content-Length that went past the codecs' limit while it was read. */
    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<Problem> tooLarge(DataBufferLimitException e) {
        return tooLarge();
    }

    /**
     * What the stack refuses before an endpoint runs: WebFlux raises each as a ResponseStatusException
     * (unreadable body, method, media types, a path no endpoint serves), so its status says which.
     */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> refusedByTheStack(ResponseStatusException e, ServerHttpRequest request) {
        switch (e.getStatusCode().value()) {
            case 400:
                return NestedExceptionUtils.getMostSpecificCause(e) instanceof DataBufferLimitException ? tooLarge() : malformed();
            case 404:
                return Problems.of(ReasonCode.NOT_FOUND, "no resource at this path");
            case 405:
                return methodNotAllowed(request.getMethod());
            case 406:
                return notAcceptable();
            case 413:
                return tooLarge();
            case 415:
                return unsupportedMediaType();
            default:
                return unexpected(e);
        }
    }

    private ResponseEntity<Problem> tooLarge() {
        return Problems.of(ReasonCode.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.refusal(maxBodyBytes));
    }
}
