package dev.dealstream.processor.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The internal endpoint's answers, on the processor's own classpath: Spring MVC without Reactor, as
 * in its jar (a problem helper that touched Reactor types once turned every one of them into a 500).
 */
class InternalApiTest {

    @Test
    void aFoundValueIsAnsweredMapped() {
        ResponseEntity<?> answer = InternalApi.answer(new StoreLookup.Found<>(41), value -> value + 1,
                ReasonCode.PRODUCT_NOT_FOUND, "no such product");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo(42);
    }

    @Test
    void anAbsentKeyIsTheGivenProblem() {
        ResponseEntity<?> answer = InternalApi.answer(new StoreLookup.Found<Integer>(null), value -> value,
                ReasonCode.PRODUCT_NOT_FOUND, "no such product");

        assertThat(answer.getStatusCode().value()).isEqualTo(ReasonCode.PRODUCT_NOT_FOUND.httpStatus());
        assertThat(((Problem) answer.getBody()).code()).isEqualTo(ReasonCode.PRODUCT_NOT_FOUND.name());
    }

    @Test
    void aPartitionActiveElsewhereIsNotOwner() {
        ResponseEntity<?> answer = InternalApi.answer(new StoreLookup.NotOwner<Integer>(3), value -> value,
                ReasonCode.PRODUCT_NOT_FOUND, "no such product");

        assertThat(answer.getStatusCode().value()).isEqualTo(ReasonCode.NOT_OWNER.httpStatus());
        assertThat(((Problem) answer.getBody()).code()).isEqualTo(ReasonCode.NOT_OWNER.name());
    }

    @Test
    void aStoreThatCannotAnswerYetAsksForARetry() {
        ResponseEntity<?> answer = InternalApi.answer(new StoreLookup.NotReady<Integer>("restoring"), value -> value,
                ReasonCode.PRODUCT_NOT_FOUND, "no such product");

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(((Problem) answer.getBody()).code()).isEqualTo(ReasonCode.STORE_NOT_READY.name());
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }
}
