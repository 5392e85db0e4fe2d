package dev.dealstream.ingest.support;

import dev.dealstream.topics.request.Outcome;

/** Where a submitted command stands when its HTTP call answers. */
sealed interface Submission {

    String requestId();

    /** The command was decided; {@code outcome} is its first and only decision. */
    record Decided(String requestId, Outcome outcome) implements Submission {
    }

    /** The request id was first used for a different request, whose outcome stands. */
    record KeyReused(String requestId) implements Submission {
    }

    /** Written to Kafka, not decided yet (or the caller asked not to wait). */
    record Pending(String requestId, boolean asyncRequested) implements Submission {
    }

    /** Could not be written to Kafka; nothing happened. */
    record NotAccepted(String requestId, Throwable cause) implements Submission {
    }
}
