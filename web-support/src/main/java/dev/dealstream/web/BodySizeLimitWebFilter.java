package dev.dealstream.web;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.support.Json;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared request body over the limit with 413 before anything reads it. A body without
 * Content-Length (chunked) is held to the same limit by the codecs as it is read (see
 * {@link ReactiveApiExceptionHandler}).
 */
public class BodySizeLimitWebFilter implements WebFilter {

    private final int maxBytes;

    public BodySizeLimitWebFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() <= maxBytes) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(ReasonCode.PAYLOAD_TOO_LARGE.httpStatus()));
        response.getHeaders().setContentType(Problems.PROBLEM_JSON);
        byte[] problem = Json.mapper().writeValueAsBytes(
                Problem.of(ReasonCode.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.refusal(maxBytes)));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(problem)));
    }
}
