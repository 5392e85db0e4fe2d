package dev.dealstream.ingest.support;

import java.util.concurrent.Executor;

/**
 * What every command endpoint reads from the request, resolved before the endpoint runs: the request
 * id ({@code Idempotency-Key}, or a new one), whether the caller prefers not to wait, and where its
 * answer is written: the event loop of the call's connection.
 */
public record CommandRequest(String requestId, boolean respondAsync, Executor answerOn) {
}
