package dev.dealstream.ingest.support;

import dev.dealstream.web.ReactiveEndpoints;
import java.util.function.Function;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The handler of a command endpoint that names its target in the path and describes it in a JSON body. */
public final class CommandEndpoints {

    /** Builds and submits the command for the target {@code id}. */
    @FunctionalInterface
    public interface BodyCommand<I> {
        Mono<ServerResponse> submit(I id, CommandRequest request, JsonNode body);
    }

    private CommandEndpoints() {
    }

    /**
     * Reads the path variable {@code variable} with {@code parse}, then the command headers, then the
     * body, so each bad part is refused with its own reason before anything is submitted.
     */
    public static <I> HandlerFunction<ServerResponse> withJsonBody(String variable, Function<String, I> parse,
                                                                   BodyCommand<I> command) {
        return http -> {
            I id = parse.apply(http.pathVariable(variable));
            CommandRequest request = CommandRequest.of(http);
            return ReactiveEndpoints.jsonBody(http).flatMap(body -> command.submit(id, request, body));
        };
    }
}
