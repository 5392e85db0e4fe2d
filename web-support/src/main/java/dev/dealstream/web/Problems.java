package dev.dealstream.web;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.support.Json;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** {@code application/problem+json} answers with a reason code. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    private Problems() {
    }

    public static ResponseEntity<Problem> of(ReasonCode code, String detail) {
        return of(Problem.of(code, detail));
    }

    /** Passes on a problem another service answered, with its status. */
    public static ResponseEntity<Problem> of(Problem problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON);
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }

    /** Writes {@code answer} as a WebFlux response, where no message converter runs (filters, exception handlers). */
    public static Mono<Void> write(ResponseEntity<Problem> answer, ServerHttpResponse response) {
        response.setStatusCode(answer.getStatusCode());
        response.getHeaders().putAll(answer.getHeaders());
        byte[] body = Json.mapper().writeValueAsBytes(answer.getBody());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
