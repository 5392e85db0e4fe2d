package dev.dealstream.processor.request;

import dev.dealstream.processor.support.InternalApi;
import dev.dealstream.processor.support.LocalStores;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.request.Outcome;
import java.time.Instant;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal: a request's outcome from this instance's store, for the query API. */
@RestController
class OutcomeLookupController {

    private final LocalStores stores;

    OutcomeLookupController(LocalStores stores) {
        this.stores = stores;
    }

    @GetMapping("/internal/requests/{requestId}")
    ResponseEntity<?> outcome(@PathVariable String requestId) {
        WindowKeyQuery<String, Outcome> query =
                WindowKeyQuery.withKeyAndWindowStartRange(requestId, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE));
        return InternalApi.answer(stores.query(RequestOutcomeTopology.REQUEST_OUTCOMES, requestId, query),
                OutcomeLookupController::first, ReasonCode.REQUEST_NOT_FOUND, "no outcome for request " + requestId);
    }

    private static Outcome first(WindowStoreIterator<Outcome> found) {
        try (found) {
            return found.hasNext() ? found.next().value : null;
        }
    }
}
