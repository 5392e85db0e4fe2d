package dev.dealstream.ingest.support;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    /** The id in {@code field}: a positive integer, refused with {@code invalid} naming it as {@code what}. */
    public static long positiveId(JsonNode body, String field, ReasonCode invalid, String what) {
        long id = integer(body, field, invalid);
        if (id < 1) {
            throw new ApiException(invalid, "a " + what + " is a positive integer, got " + id);
        }
        return id;
    }

    /** The integer in {@code field}, which must fit a Java int. */
    public static int intValue(JsonNode body, String field, ReasonCode invalid) {
        long value = integer(body, field, invalid);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ApiException(invalid, "'" + field + "' is out of range: " + value);
        }
        return (int) value;
    }

    /** The integer in {@code field}, or null when it is absent or JSON null. */
    public static Long optionalInteger(JsonNode body, String field, ReasonCode invalid) {
        JsonNode value = object(body).get(field);
        return value == null || value.isNull() ? null : integer(body, field, invalid);
    }

    /** The ISO-8601 instant in {@code field}, e.g. {@code 2026-12-01T09:00:00Z}; refused when absent or not one. */
    public static Instant instant(JsonNode body, String field, ReasonCode invalid) {
        String text = text(body, field, invalid);
        if (text == null) {
            throw new ApiException(invalid, "'" + field + "' is required");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(invalid, "'" + field + "' must be an ISO-8601 UTC time such as 2026-12-01T09:00:00Z");
        }
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
