package dev.dealstream.processor.support;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.Problems;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;

/** Turns a store lookup into the internal endpoint's answer, the same way for every store. */
public final class InternalApi {

    private InternalApi() {
    }

    /**
     * 200 with the mapped value; 404 with {@code missing} when there is none; 421 {@code NOT_OWNER}
     * when another instance owns the key; 503 {@code STORE_NOT_READY} with Retry-After while it cannot answer.
     */
    public static <R> ResponseEntity<?> answer(StoreLookup<R> lookup, Function<R, ?> toBody, ReasonCode missing, String detail) {
        if (lookup instanceof StoreLookup.Found<R> found) {
            Object body = found.value() == null ? null : toBody.apply(found.value());
            return body == null ? Problems.of(missing, detail) : ResponseEntity.ok(body);
        }
        if (lookup instanceof StoreLookup.NotOwner<R> notOwner) {
            return Problems.of(ReasonCode.NOT_OWNER, "partition " + notOwner.partition() + " is not active here");
        }
        return Problems.of(ReasonCode.STORE_NOT_READY, ((StoreLookup.NotReady<R>) lookup).reason());
    }
}
