package dev.dealstream.web;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.support.Json;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The problems a Spring WebFlux service answers, for whatever an endpoint or the stack refuses. The
 * service's endpoints are functional routes ({@link ReactiveEndpoints}), so every error reaches this
 * handler, ordered before Spring Boot's own error page.
 */
public class ReactiveApiExceptionHandler extends ApiExceptionHandler implements WebExceptionHandler, Ordered {

    private final int maxBodyBytes;

    public ReactiveApiExceptionHandler(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted() || !(error instanceof Exception exception)) {
            return Mono.error(error);
        }
        return write(problemFor(exception, exchange.getRequest().getMethod()), response);
    }

    /** Writes {@code answer} as a WebFlux response, where no message converter runs (filters, exception handlers). */
    static Mono<Void> write(ResponseEntity<Problem> answer, ServerHttpResponse response) {
        response.setStatusCode(answer.getStatusCode());
        response.getHeaders().putAll(answer.getHeaders());
        byte[] body = Json.mapper().writeValueAsBytes(answer.getBody());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    ResponseEntity<Problem> problemFor(Exception error, HttpMethod method) {
        if (error instanceof ApiException refused) {
            return refused(refused);
        }
        if (error instanceof DataBufferLimitException) {
            // a body without Content-Length that went past the codecs' limit while it was read
            return tooLarge();
        }
        if (error instanceof ResponseStatusException refusal) {
            return refusedByTheStack(refusal, method);
        }
        return unexpected(error);
    }

    /**
     * What the stack refuses before an endpoint's own code runs: WebFlux raises each as a
     * ResponseStatusException (unreadable body, method, media types, a path no endpoint serves), so
     * its status says which.
     */
    private ResponseEntity<Problem> refusedByTheStack(ResponseStatusException e, HttpMethod method) {
        switch (e.getStatusCode().value()) {
            case 400:
                return NestedExceptionUtils.getMostSpecificCause(e) instanceof DataBufferLimitException ? tooLarge() : malformed();
            case 404:
                return Problems.of(ReasonCode.NOT_FOUND, "no resource at this path");
            case 405:
                return methodNotAllowed(method);
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
        return Problems.of(ReasonCode.PAYLOAD_TOO_LARGE, Problems.bodyLimit(maxBodyBytes));
    }
}
