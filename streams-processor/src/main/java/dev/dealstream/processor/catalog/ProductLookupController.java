package dev.dealstream.processor.catalog;

import dev.dealstream.processor.support.InternalApi;
import dev.dealstream.processor.support.LocalStores;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.catalog.ProductId;
import java.time.Instant;
import org.apache.kafka.streams.query.KeyQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal: a product with its live stock, from this instance's stores, for the query API. */
@RestController
class ProductLookupController {

    private final LocalStores stores;

    ProductLookupController(LocalStores stores) {
        this.stores = stores;
    }

    @GetMapping("/internal/products/{productId}")
    ResponseEntity<?> product(@PathVariable long productId) {
        ProductId product = new ProductId(productId);
        Instant now = Instant.now();
        return InternalApi.answer(
                stores.query(ProductTopology.PRODUCTS, product.key(), KeyQuery.<String, StockedProduct>withKey(product.key())),
                stocked -> stocked.view(now), ReasonCode.PRODUCT_NOT_FOUND, "product " + product + " is not in the catalog");
    }
}
