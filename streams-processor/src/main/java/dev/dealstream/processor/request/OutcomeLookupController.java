package dev.dealstream.processor.request;

import dev.dealstream.processor.support.InternalApi;
import dev.dealstream.processor.support.LocalStores;
import dev.dealstream.processor.support.RequestLog;
import dev.dealstream.processor.support.StoreLookup;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.web.Problems;
import java.time.Instant;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal: a request's outcome, from the request logs of the tasks active on this instance. The
 * request id does not say which task decided it, so the query API asks every instance; this one
 * answers 404 only once all of its own partitions have answered.
 */
@RestController
class OutcomeLookupController {

    private final LocalStores stores;

    OutcomeLookupController(LocalStores stores) {
        this.stores = stores;
    }

    @GetMapping("/internal/requests/{requestId}")
    ResponseEntity<?> outcome(@PathVariable String requestId) {
        WindowKeyQuery<String, byte[]> query =
                WindowKeyQuery.withKeyAndWindowStartRange(requestId, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE));
        for (String requestLog : QueryableStores.REQUEST_LOGS) {
            StoreLookup<Outcome> lookup = stores.findInLocalPartitions(requestLog, query, found -> first(requestLog, found));
            if (lookup instanceof StoreLookup.Found<Outcome> found && found.value() == null) {
                continue;
            }
            return InternalApi.answer(lookup, outcome -> outcome, ReasonCode.REQUEST_NOT_FOUND, requestId);
        }
        return Problems.of(ReasonCode.REQUEST_NOT_FOUND, "no outcome for request " + requestId + " on this instance");
    }

    private static Outcome first(String requestLog, WindowStoreIterator<byte[]> found) {
        try (found) {
            return found.hasNext() ? RequestLog.outcomeOf(requestLog, found.next().value) : null;
        }
    }
}
