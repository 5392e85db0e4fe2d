package dev.dealstream.processor.wallet;

import dev.dealstream.processor.support.InternalApi;
import dev.dealstream.processor.support.LocalStores;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import org.apache.kafka.streams.query.KeyQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal: a wallet from this instance's store, for the query API. */
@RestController
class WalletLookupController {

    private final LocalStores stores;

    WalletLookupController(LocalStores stores) {
        this.stores = stores;
    }

    @GetMapping("/internal/wallets/{userId}")
    ResponseEntity<?> wallet(@PathVariable long userId) {
        UserId user = new UserId(userId);
        return InternalApi.answer(
                stores.query(WalletTopology.WALLETS, user.key(), KeyQuery.<String, Wallet>withKey(user.key())),
                Wallet::view, ReasonCode.USER_NOT_FOUND, "user " + user + " is not registered");
    }
}
