package dev.dealstream.topics;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem ({@code application/problem+json}) with Dealstream's reason {@code code}:
 * what every service answers when it refuses a request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ReasonCode code, String detail) {
        return new Problem("about:blank", code.title(), code.httpStatus(), detail, code.name());
    }
}
