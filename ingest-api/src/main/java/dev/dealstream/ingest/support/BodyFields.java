package dev.dealstream.ingest.support;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Reads request fields strictly, so each bad input gets its own reason code: a number must be a JSON
 * integer (not "5000", not 5000.5), text must be a JSON string.
 */
public final class BodyFields {

    private BodyFields() {
    }

    public static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(ReasonCode.MALFORMED_REQUEST, "the body must be a JSON object");
        }
        return body;
    }

    public static long integer(JsonNode body, String field, ReasonCode invalid) {
        JsonNode value = object(body).get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ApiException(invalid, "'" + field + "' must be an integer");
        }
        return value.longValue();
    }

    /** The text of {@code field}, or null when it is absent or JSON null; any other non-string is refused. */
    public static String text(JsonNode body, String field, ReasonCode invalid) {
        JsonNode value = object(body).get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ApiException(invalid, "'" + field + "' must be a string");
        }
        return value.stringValue();
    }
}
