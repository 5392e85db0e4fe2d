package dev.dealstream.ingest.support;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.request.OutcomeResult;
import dev.dealstream.topics.support.Json;
import dev.dealstream.web.Problems;
import dev.dealstream.web.ReactiveEndpoints;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;

/** The HTTP answer for where a submitted command stands. */
class CommandResponses {

    private static final ObjectWriter RESULT_WRITER = Json.mapper().writerFor(OutcomeResult.class);

    private final String queryApiUrl;

    CommandResponses(String queryApiUrl) {
        this.queryApiUrl = queryApiUrl;
    }

    /** @param succeeded the status of a successful outcome (200 for updates, 201 for creations) */
    Mono<ServerResponse> toResponse(Submission submission, HttpStatus succeeded) {
        return ReactiveEndpoints.respond(answer(submission, succeeded));
    }

    private ResponseEntity<?> answer(Submission submission, HttpStatus succeeded) {
        if (submission instanceof Submission.Decided decided) {
            if (decided.outcome() instanceof Outcome.Succeeded success) {
                // as bytes, so the answer goes out with a Content-Length in one write instead of chunked
                return ResponseEntity.status(succeeded).contentType(MediaType.APPLICATION_JSON)
                        .body(RESULT_WRITER.writeValueAsBytes(success.result()));
            }
            Outcome.Rejected rejected = (Outcome.Rejected) decided.outcome();
            return Problems.of(Problem.of(rejected.code(), rejected.detail(), rejected.existing()));
        }
        if (submission instanceof Submission.KeyReused) {
            return Problems.of(ReasonCode.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + submission.requestId() + " was already used with a different request");
        }
        if (submission instanceof Submission.Pending pending) {
            ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted()
                    .location(URI.create(queryApiUrl + "/api/v1/requests/" + pending.requestId()));
            if (pending.asyncRequested()) {
                accepted.header("Preference-Applied", "respond-async");
            }
            return accepted.body(Map.of("requestId", pending.requestId(), "status", "PENDING"));
        }
        return Problems.of(ReasonCode.SERVICE_UNAVAILABLE, "the request could not be written; nothing happened, retry");
    }
}
