package dev.dealstream.ingest.support;

import java.util.concurrent.Executor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.netty.Connection;

/**
 * What every command endpoint reads from the request before its own fields: the request id
 * ({@code Idempotency-Key}, or a new one), whether the caller prefers not to wait, and where its
 * answer is written: the event loop of the call's connection.
 */
public record CommandRequest(String requestId, boolean respondAsync, Executor answerOn) {

    public static CommandRequest of(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        return new CommandRequest(CommandHeaders.requestId(headers.getFirst(CommandHeaders.IDEMPOTENCY_KEY)),
                CommandHeaders.respondAsync(headers.getFirst(CommandHeaders.PREFER)),
                connectionLoop(request.exchange().getRequest()));
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
