package dev.dealstream.query.catalog;

import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.web.PathIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A product with its price, sale price and live stock, from the product's task. */
@RestController
class ProductQueryController {

    private final ProcessorRouter router;

    ProductQueryController(ProcessorRouter router) {
        this.router = router;
    }

    @GetMapping("/api/v1/products/{productId}")
    ResponseEntity<?> product(@PathVariable String productId) {
        ProductId product = PathIds.productId(productId);
        return router.lookup(QueryableStores.PRODUCTS, product.key(), "/internal/products/" + product.key()).relay();
    }
}
