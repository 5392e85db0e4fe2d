package dev.dealstream.topics.request;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.dealstream.topics.Command;
import dev.dealstream.topics.ReasonCode;
import java.time.Instant;
import java.util.Objects;

/**
 * How a command ended: exactly one per request id on {@code request.outcomes}, keyed by requestId.
 * {@code fingerprint} is the decided command's, so a waiter can tell a retry from a reused key.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "status")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Outcome.Succeeded.class, name = "SUCCEEDED"),
        @JsonSubTypes.Type(value = Outcome.Rejected.class, name = "REJECTED")
})
public sealed interface Outcome permits Outcome.Succeeded, Outcome.Rejected {

    String requestId();

    String fingerprint();

    Instant decidedAt();

    static Outcome succeeded(Command command, OutcomeResult result, Instant decidedAt) {
        return new Succeeded(command.requestId(), command.fingerprint(), result, decidedAt);
    }

    static Outcome rejected(Command command, ReasonCode code, String detail, Instant decidedAt) {
        return new Rejected(command.requestId(), command.fingerprint(), code, detail, null, decidedAt);
    }

    /** A refusal that shows what already exists, e.g. the coupon a user already holds. */
    static Outcome rejected(Command command, ReasonCode code, String detail, OutcomeResult existing, Instant decidedAt) {
        return new Rejected(command.requestId(), command.fingerprint(), code, detail, existing, decidedAt);
    }

    record Succeeded(String requestId, String fingerprint, OutcomeResult result, Instant decidedAt) implements Outcome {
        public Succeeded {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(result, "result");
        }
    }

    /** {@code existing}, when not null, is what the refusal is about (the coupon already held). */
    record Rejected(String requestId, String fingerprint, ReasonCode code, String detail, OutcomeResult existing,
                    Instant decidedAt) implements Outcome {
        public Rejected {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(code, "code");
        }
    }
}
