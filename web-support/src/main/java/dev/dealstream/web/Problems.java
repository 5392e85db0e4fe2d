package dev.dealstream.web;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code application/problem+json} answers with a reason code. Used by Spring MVC services too, whose jars
 * have no Reactor: nothing here may name a Reactor type, or the class fails to load there.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    private Problems() {
    }

    public static ResponseEntity<Problem> of(ReasonCode code, String detail) {
        return of(Problem.of(code, detail));
    }

    /** The detail of a 413: the most a request body may have. */
    public static String bodyLimit(int maxBytes) {
        return "a request body has at most " + maxBytes + " bytes";
    }

    /** Passes on a problem another service answered, with its status. */
    public static ResponseEntity<Problem> of(Problem problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON);
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }
}
