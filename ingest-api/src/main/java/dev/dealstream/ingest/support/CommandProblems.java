package dev.dealstream.ingest.support;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.ApiExceptionHandler;
import dev.dealstream.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The problems the command endpoints answer instead of an outcome, worded as on every other endpoint. */
final class CommandProblems extends ApiExceptionHandler {

    private final int maxBodyBytes;

    CommandProblems(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** An endpoint's refusal ({@link ApiException}) as its problem; anything else is unexpected, a 500. */
    ResponseEntity<Problem> problemFor(Throwable error) {
        if (error instanceof ApiException refused) {
            return refused(refused);
        }
        return unexpected(error instanceof Exception exception ? exception : new IllegalStateException(error));
    }

    ResponseEntity<Problem> methodNotAllowed(String method, String allowed) {
        ResponseEntity<Problem> problem = methodNotAllowed(method);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.ALLOW, allowed).body(problem.getBody());
    }

    ApiException tooLarge() {
        return new ApiException(ReasonCode.PAYLOAD_TOO_LARGE, Problems.bodyLimit(maxBodyBytes));
    }
}
