package dev.dealstream.web;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Functional WebFlux endpoints that answer like annotated ones: another method on an endpoint's path
 * is 405, a body that is not JSON is 415, a missing or unreadable one is 400 (each a problem, through
X
 * argument resolution and data binding, which on the ingest cost more than its Kafka producer.
 */
public final class ReactiveEndpoints {

    private ReactiveEndpoints() {
    }

    /**
     * {@code method} on {@code path} (a URI template such as {@code /users/{userId}}) runs {@code handler};
     * any other method on that path is 405. So a path has one endpoint: a second one on the same path
     * would be shadowed by the first one's 405.
     */
    public static RouterFunction<ServerResponse> endpoint(HttpMethod method, String path,
                                                          HandlerFunction<ServerResponse> handler) {
        return RouterFunctions.route(RequestPredicates.method(method).and(RequestPredicates.path(path)), handler)
                .andRoute(RequestPredicates.path(path),
                        request -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(method))));
    }

    /** The request's JSON body; a missing one is an error like an unreadable one. */
    public static Mono<JsonNode> jsonBody(ServerRequest request) {
        return request.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("No request body")));
    }

    /** {@code answer} (status, headers and body, a problem or a value) as a functional endpoint's response. */
    public static Mono<ServerResponse> respond(ResponseEntity<?> answer) {
        ServerResponse.BodyBuilder response = ServerResponse.status(answer.getStatusCode())
                .headers(headers -> headers.addAll(answer.getHeaders()));
        return answer.getBody() == null ? response.build() : response.bodyValue(answer.getBody());
    }
}
