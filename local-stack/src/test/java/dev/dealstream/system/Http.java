package dev.dealstream.system;

import dev.dealstream.topics.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** A small JSON-over-HTTP client for the system tests. */
public final class Http {

    /** A response: status, the {@code Location} header if any, and the body as JSON (null if empty). */
    public record Response(int status, String location, String contentType, JsonNode body) {
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asString();
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    public Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Response put(String url, String json, String... headers) {
        return send(json(url, json, headers).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String url, String json, String... headers) {
        return send(json(url, json, headers).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public CompletableFuture<Response> postAsync(String url, String json, String... headers) {
        return sendAsync(json(url, json, headers).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public CompletableFuture<Response> getAsync(String url) {
        return sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET());
    }

    private CompletableFuture<Response> sendAsync(HttpRequest.Builder request) {
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(Http::toResponse);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            return toResponse(client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder json(String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static Response toResponse(HttpResponse<byte[]> response) {
        JsonNode body = response.body().length == 0 ? null : Json.mapper().readTree(response.body());
        return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Content-Type").orElse(null), body);
    }
}
