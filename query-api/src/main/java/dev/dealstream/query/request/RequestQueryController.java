package dev.dealstream.query.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.Problem;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.request.OutcomeResult;
import dev.dealstream.web.Problems;
import dev.dealstream.web.ReactiveEndpoints;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/v1/requests/{requestId}}: where a command stands. An id with no outcome yet reads
 * PENDING: the command may still be on its topic (an id never sent reads the same; outcomes are kept
 * for the request retention, 24 h by default).
 */
@Configuration(proxyBeanMethods = false)
class RequestQueryController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RequestStatus(String requestId, String status, OutcomeResult result, Problem error, Instant decidedAt) {
    }

    private final ProcessorRouter router;

    RequestQueryController(ProcessorRouter router) {
        this.router = router;
    }

    @Bean
    RouterFunction<ServerResponse> requestRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.GET, "/api/v1/requests/{requestId}", request -> {
            String requestId = request.pathVariable("requestId");
            // the id does not say which task decided it: every processor looks in its request logs
            return ProcessorRouter.offEventLoop(() ->
                            router.lookupEverywhere(QueryableStores.REQUEST_LOGS, "/internal/requests/" + requestId))
                    .flatMap(answer -> ReactiveEndpoints.respond(statusOf(requestId, answer)));
        });
    }

    private static ResponseEntity<?> statusOf(String requestId, ProcessorRouter.Answer answer) {
        if (answer.ok()) {
            return ResponseEntity.ok(statusOf(answer.read(Outcome.class)));
        }
        Problem problem = answer.problem();
        if (ReasonCode.REQUEST_NOT_FOUND.name().equals(problem.code())) {
            return ResponseEntity.ok(new RequestStatus(requestId, "PENDING", null, null, null));
        }
        return Problems.of(problem);
    }

    private static RequestStatus statusOf(Outcome outcome) {
        if (outcome instanceof Outcome.Succeeded succeeded) {
            return new RequestStatus(outcome.requestId(), "SUCCEEDED", succeeded.result(), null, outcome.decidedAt());
        }
        Outcome.Rejected rejected = (Outcome.Rejected) outcome;
        return new RequestStatus(outcome.requestId(), "REJECTED", null,
                Problem.of(rejected.code(), rejected.detail(), rejected.existing()), outcome.decidedAt());
    }
}
