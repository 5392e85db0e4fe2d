package dev.dealstream.web;

import dev.dealstream.topics.ReasonCode;
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
        return ReactiveApiExceptionHandler.write(Problems.of(ReasonCode.PAYLOAD_TOO_LARGE, Problems.bodyLimit(maxBytes)),
                exchange.getResponse());
    }
}
