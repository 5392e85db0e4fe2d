package dev.dealstream.processor.support;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Turns a store lookup into the internal endpoint's answer, the same way for every store. */
public final class InternalApi {

    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    private InternalApi() {
    }

    /**
     * 200 with the mapped value; 404 with {@code missing} when there is none; 421 {@code NOT_OWNER}
     * when another instance owns the key; 503 {@code STORE_NOT_READY} with Retry-After while it cannot answer.
     */
    public static <R> ResponseEntity<?> answer(StoreLookup<R> lookup, Function<R, ?> toBody, ReasonCode missing, String detail) {
        if (lookup instanceof StoreLookup.Found<R> found) {
            Object body = found.value() == null ? null : toBody.apply(found.value());
            return body == null ? problem(missing, detail) : ResponseEntity.ok(body);
        }
        if (lookup instanceof StoreLookup.NotOwner<R> notOwner) {
            return problem(ReasonCode.NOT_OWNER, "partition " + notOwner.partition() + " is not active here");
        }
        StoreLookup.NotReady<R> notReady = (StoreLookup.NotReady<R>) lookup;
        return ResponseEntity.status(ReasonCode.STORE_NOT_READY.httpStatus())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(PROBLEM)
                .body(Problem.of(ReasonCode.STORE_NOT_READY, notReady.reason()));
    }

    public static ResponseEntity<Problem> problem(ReasonCode code, String detail) {
        return ResponseEntity.status(code.httpStatus()).contentType(PROBLEM).body(Problem.of(code, detail));
    }
}
