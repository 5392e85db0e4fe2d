package dev.dealstream.ingest.support;

import dev.dealstream.topics.support.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Serves the command endpoints on Reactor Netty itself, ahead of WebFlux, which still serves the
 * actuator and answers every other path. WebFlux's dispatch, request observation, header adapters and
 * codecs cost about as much CPU as everything else a command call does (docs/benchmarks.md, "The
 * command endpoints on Reactor Netty"), and a command endpoint needs none of them.
 *
 * <p>A call: its path picks the route, and another method than the endpoint's is 405. A declared body
 * over the limit is 413 before anything reads it; then the headers are read, then the body (held to the
 * same limit as it arrives), then the endpoint builds its command and the gateway submits it. The
 * answer is written on the event loop of the call's connection. Every call is timed in
 * {@code dealstream.ingest.commands}, by path template and status.
 */
final class CommandRoutes implements NettyRouteProvider {

    private final List<Route> routes;
    private final CommandGateway gateway;
    private final CommandResponses responses;
    private final CommandProblems problems;
    private final int maxBodyBytes;
    private final MeterRegistry registry;

    CommandRoutes(List<CommandEndpoint> endpoints, CommandGateway gateway, CommandResponses responses,
                  int maxBodyBytes, MeterRegistry registry) {
        this.gateway = gateway;
        this.responses = responses;
        this.problems = new CommandProblems(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.registry = registry;
        Map<String, List<CommandEndpoint>> byPath = endpoints.stream()
                .collect(Collectors.groupingBy(endpoint -> endpoint.path().text(), LinkedHashMap::new, Collectors.toList()));
        this.routes = byPath.values().stream().map(Route::new).toList();
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes serverRoutes) {
        for (Route route : routes) {
            serverRoutes.route(request -> route.path.matches(request.uri()), route::serve);
        }
        return serverRoutes;
    }

    /** The endpoints of one path: usually one, whose method is the only one allowed there. */
    private final class Route {

        private final PathTemplate path;
        private final List<CommandEndpoint> endpoints;
        private final String allowed;
        private final Map<Integer, Timer> timersByStatus = new ConcurrentHashMap<>();

        Route(List<CommandEndpoint> endpoints) {
            this.path = endpoints.get(0).path();
            this.endpoints = endpoints;
            this.allowed = endpoints.stream().map(endpoint -> endpoint.method().name()).collect(Collectors.joining(", "));
        }

        Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
            long started = System.nanoTime();
            return answer(request)
                    .flatMap(answer -> write(answer, response))
                    .doFinally(signal -> timer(response.status().code()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        }

        private Mono<ResponseEntity<?>> answer(HttpServerRequest request) {
            CommandEndpoint endpoint = endpointFor(request.method());
            if (endpoint == null) {
                return Mono.<ResponseEntity<?>>just(problems.methodNotAllowed(request.method().name(), allowed));
            }
            return Mono.<ResponseEntity<?>>defer(() -> {
                HttpHeaders headers = request.requestHeaders();
                if (headers.getInt(HttpHeaderNames.CONTENT_LENGTH, 0) > maxBodyBytes) {
                    throw problems.tooLarge();
                }
                String requestId = CommandHeaders.requestId(headers.get(CommandHeaders.IDEMPOTENCY_KEY));
                boolean respondAsync = CommandHeaders.respondAsync(headers.get(CommandHeaders.PREFER));
                Executor answerOn = eventLoopOf(request);
                return body(request).<ResponseEntity<?>>flatMap(body -> {
                    CommandCall call = new CommandCall(path.variables(request.uri()), requestId,
                            headers.get(HttpHeaderNames.CONTENT_TYPE), body);
                    CommandSubmission submission = endpoint.handler().command(call);
                    return Mono.fromFuture(gateway.submit(submission.topic(), submission.key(), submission.command(), respondAsync)
                            .thenApplyAsync(submitted -> responses.answer(submitted, submission.succeeded()), answerOn));
                });
            }).onErrorResume(error -> Mono.<ResponseEntity<?>>just(problems.problemFor(error)));
        }

        private CommandEndpoint endpointFor(HttpMethod method) {
            for (CommandEndpoint endpoint : endpoints) {
                if (endpoint.method().equals(method)) {
                    return endpoint;
                }
            }
            return null;
        }

        private Timer timer(int status) {
            return timersByStatus.computeIfAbsent(status, code -> Timer.builder("dealstream.ingest.commands")
                    .description("Command calls, from the request to the answer written")
                    .tag("uri", path.text()).tag("status", Integer.toString(code))
                    .register(registry));
        }
    }

    /** The body's bytes (none for a call without one); past the limit the call is refused as it arrives. */
    private Mono<byte[]> body(HttpServerRequest request) {
        return request.receive()
                .reduceWith(ByteArrayOutputStream::new, (bytes, chunk) -> {
                    if (bytes.size() + chunk.readableBytes() > maxBodyBytes) {
                        throw problems.tooLarge();
                    }
                    bytes.writeBytes(ByteBufUtil.getBytes(chunk));
                    return bytes;
                })
                .map(ByteArrayOutputStream::toByteArray);
    }

    /**
     * The Netty event loop that owns the call's connection. Outcomes arrive on the one outcome-listener
     * thread; answering each on its connection's loop spreads that work over the loops, and the answer
     * is written without another hand-over between threads.
     */
    private static Executor eventLoopOf(HttpServerRequest request) {
        return request instanceof Connection connection ? connection.channel().eventLoop() : Runnable::run;
    }

    /** The status, headers and body of {@code answer}; a body that is not bytes yet is written as JSON. */
    private static Mono<Void> write(ResponseEntity<?> answer, HttpServerResponse response) {
        response.status(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> response.responseHeaders().add(name, values));
        byte[] body = answer.getBody() instanceof byte[] bytes ? bytes : Json.mapper().writeValueAsBytes(answer.getBody());
        return response.sendByteArray(Mono.just(body)).then();
    }
}
