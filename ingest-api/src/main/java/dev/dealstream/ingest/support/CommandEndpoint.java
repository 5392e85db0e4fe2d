package dev.dealstream.ingest.support;

import io.netty.handler.codec.http.HttpMethod;

/**
 * A command endpoint: {@code method} on {@code path} (a template such as {@code /users/{userId}}) turns
 * a call into a command for the gateway. Each is a bean; {@link CommandRoutes} serves them all.
 */
public record CommandEndpoint(HttpMethod method, PathTemplate path, Handler handler) {

    /** Builds the command from the call, or refuses the call with an {@code ApiException}. */
    @FunctionalInterface
    public interface Handler {
        CommandSubmission command(CommandCall call);
    }

    public static CommandEndpoint post(String path, Handler handler) {
        return new CommandEndpoint(HttpMethod.POST, PathTemplate.of(path), handler);
    }

    public static CommandEndpoint put(String path, Handler handler) {
        return new CommandEndpoint(HttpMethod.PUT, PathTemplate.of(path), handler);
    }
}
