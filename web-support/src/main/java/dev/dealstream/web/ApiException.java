package dev.dealstream.web;

import dev.dealstream.topics.ReasonCode;

/** A refusal the HTTP layer decides itself (bad input); answered as a problem with its reason code. */
public class ApiException extends RuntimeException {

    private final ReasonCode code;

    public ApiException(ReasonCode code, String detail) {
        super(detail);
        this.code = code;
    }

    /** The body is missing or is not JSON. */
    public static ApiException malformedBody() {
        return new ApiException(ReasonCode.MALFORMED_REQUEST, "the body is missing or is not valid JSON");
    }

    /** The body's media type is not JSON. */
    public static ApiException unsupportedMediaType() {
        return new ApiException(ReasonCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }

    public ReasonCode code() {
        return code;
    }
}
