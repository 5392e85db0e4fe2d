package dev.dealstream.ingest.support;

import java.util.concurrent.Executor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.SyncHandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;

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
                CommandHeaders.respondAsync(headers.getFirst(CommandHeaders.PREFER)),
                connectionLoop(exchange.getRequest()));
    }

    /**
     * The Netty event loop that owns the call's connection. Outcomes arrive on the one outcome-listener
     * thread; answering each on its connection's loop spreads that work over the loops, and the answer
     * is written without another hand-over between threads.
     */
    private static Executor connectionLoop(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        return nativeRequest instanceof Connection connection ? connection.channel().eventLoop() : Runnable::run;
    }
}
