package dev.dealstream.ingest.support;

import dev.dealstream.topics.support.Json;
import dev.dealstream.web.ApiException;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One call of a command endpoint as its handler reads it: the path's ids, the request id (the
 * client's valid {@code Idempotency-Key}, or a new one) and the JSON body, read only when asked for, so
 * an endpoint without a body never refuses one.
 */
public final class CommandCall {

    private final Map<String, String> pathVariables;
    private final String requestId;
    private final String contentType;
    private final byte[] body;

    CommandCall(Map<String, String> pathVariables, String requestId, String contentType, byte[] body) {
        this.pathVariables = pathVariables;
        this.requestId = requestId;
        this.contentType = contentType;
        this.body = body;
    }

    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    public String requestId() {
        return requestId;
    }

    /** The body as JSON: refused as 415 unless sent as JSON, as 400 when missing or not valid JSON. */
    public JsonNode body() {
        if (!isJson(contentType)) {
            throw ApiException.unsupportedMediaType();
        }
        try {
            JsonNode json = body.length == 0 ? null : Json.mapper().readTree(body);
            if (json != null && !json.isMissingNode()) {
                return json;
            }
        } catch (JacksonException e) {
            // refused below, as a missing body is
        }
        throw ApiException.malformedBody();
    }

    /** {@code application/json}, or a JSON-based type such as {@code application/merge-patch+json}. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }
}
