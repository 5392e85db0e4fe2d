package dev.dealstream.topics;

import java.time.Instant;

/** A request to change state, as written by the ingest API to a command topic. */
public interface Command {

    /** The client's Idempotency-Key, or one the ingest API made: a retry carries the same id. */
    String requestId();

    /** When the ingest API accepted the request. */
    Instant acceptedAt();

    /**
     * A digest of what the command asks for, without its request id and time: two requests with the
     * same id and the same fingerprint are the same request retried; with different fingerprints the
     * id was reused for something else.
     */
    String fingerprint();
}
