package dev.dealstream.ingest.support;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.request.OutcomeResult;
import dev.dealstream.topics.support.Json;
import dev.dealstream.web.Problems;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.ObjectWriter;

/** The HTTP answer for where a submitted command stands. */
class CommandResponses {

    private static final ObjectWriter RESULT_WRITER = Json.mapper().writerFor(OutcomeResult.class);

    private final String queryApiUrl;

    CommandResponses(String queryApiUrl) {
        this.queryApiUrl = queryApiUrl;
    }

    /**
     * The status, headers and body of the answer: a success's result as JSON bytes, a refusal as its
     * problem, a pending request as 202 pointing to its status.
     *
     * @param succeeded the status of a successful outcome (200 for updates, 201 for creations)
     */
    ResponseEntity<?> answer(Submission submission, HttpStatus succeeded) {
        if (submission instanceof Submission.Decided decided) {
            if (decided.outcome() instanceof Outcome.Succeeded success) {
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
            ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                    .location(URI.create(queryApiUrl + "/api/v1/requests/" + pending.requestId()));
            if (pending.asyncRequested()) {
                accepted.header("Preference-Applied", "respond-async");
            }
            return accepted.body(Map.of("requestId", pending.requestId(), "status", "PENDING"));
        }
        return Problems.of(ReasonCode.SERVICE_UNAVAILABLE, "the request could not be written; nothing happened, retry");
    }
}
