package dev.dealstream.web;

import dev.dealstream.topics.ReasonCode;

/** A refusal the HTTP layer decides itself (bad input); answered as a problem with its reason code. */
public class ApiException extends RuntimeException {

    private final ReasonCode code;

    public ApiException(ReasonCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ReasonCode code() {
        return code;
    }
}
