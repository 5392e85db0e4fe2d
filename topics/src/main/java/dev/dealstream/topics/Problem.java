package dev.dealstream.topics;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealstream.topics.request.OutcomeResult;

/**
 * An RFC 9457 problem ({@code application/problem+json}) with Dealstream's reason {@code code}:
 * what every service answers when it refuses a request. {@code existing} is an extension member that
 * shows what the refusal is about, when there is such a thing (the coupon a user already holds).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, OutcomeResult existing) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ReasonCode code, String detail) {
        return of(code, detail, null);
    }

    public static Problem of(ReasonCode code, String detail, OutcomeResult existing) {
        return new Problem("about:blank", code.title(), code.httpStatus(), detail, code.name(), existing);
    }
}
