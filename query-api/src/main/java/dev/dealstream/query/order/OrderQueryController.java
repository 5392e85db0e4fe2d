package dev.dealstream.query.order;

import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.web.PathIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An order, from its user's task (the order id names the user, so the owner is found without a search). */
@RestController
class OrderQueryController {

    private final ProcessorRouter router;

    OrderQueryController(ProcessorRouter router) {
        this.router = router;
    }

    @GetMapping("/api/v1/orders/{orderId}")
    ResponseEntity<?> order(@PathVariable String orderId) {
        OrderId order = PathIds.orderId(orderId);
        return router.lookup(QueryableStores.ORDERS, order.userId().key(), "/internal/orders/" + order.text()).relay();
    }
}
