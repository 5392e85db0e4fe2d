package dev.dealstream.ingest.support;

/**
 * What every command endpoint reads from the request headers, resolved before the endpoint runs:
 * the request id ({@code Idempotency-Key}, or a new one) and whether the caller prefers not to wait.
 */
public record CommandRequest(String requestId, boolean respondAsync) {
}
