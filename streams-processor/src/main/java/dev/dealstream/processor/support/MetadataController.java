package dev.dealstream.processor.support;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.StoreOwners;
import dev.dealstream.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Tells the query API which processor instance owns each partition of a store. */
@RestController
class MetadataController {

    private final LocalStores stores;

    MetadataController(LocalStores stores) {
        this.stores = stores;
    }

    @GetMapping("/internal/metadata/stores/{store}")
    ResponseEntity<?> owners(@PathVariable String store) {
        return stores.ownersOf(store)
                .<ResponseEntity<?>>map(owners -> ResponseEntity.ok(new StoreOwners(store, owners.size(), owners)))
                .orElseGet(() -> Problems.of(ReasonCode.STORE_NOT_READY, "assignment of " + store + " not known yet"));
    }
}
