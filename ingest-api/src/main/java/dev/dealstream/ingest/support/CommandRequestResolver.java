package dev.dealstream.ingest.support;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.SyncHandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/** Gives command endpoints their {@link CommandRequest} from the {@code Idempotency-Key} and {@code Prefer} headers. */
final class CommandRequestResolver implements SyncHandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandRequest.class;
    }

    @Override
    public CommandRequest resolveArgumentValue(MethodParameter parameter, BindingContext bindingContext,
                                               ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return new CommandRequest(CommandHeaders.requestId(headers.getFirst(CommandHeaders.IDEMPOTENCY_KEY)),
                CommandHeaders.respondAsync(headers.getFirst(CommandHeaders.PREFER)));
    }
}
