package dev.dealstream.query.wallet;

import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.UserId;
import dev.dealstream.web.PathIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/wallets/{userId}}: the balance, from the processor that owns the user. */
@RestController
class WalletQueryController {

    private final ProcessorRouter router;

    WalletQueryController(ProcessorRouter router) {
        this.router = router;
    }

    @GetMapping("/api/v1/wallets/{userId}")
    ResponseEntity<?> wallet(@PathVariable String userId) {
        UserId user = PathIds.userId(userId);
        return router.lookup(QueryableStores.WALLETS, user.key(), "/internal/wallets/" + user.key()).relay();
    }
}
