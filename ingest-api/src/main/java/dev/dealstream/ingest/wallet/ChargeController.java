package dev.dealstream.ingest.wallet;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandGateway;
import dev.dealstream.ingest.support.CommandRequest;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.wallet.ChargeLimits;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ChargeLimitsProperties;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/wallets/{userId}/charges}: add money to a wallet. */
@RestController
class ChargeController {

    private final CommandGateway gateway;
    private final ChargeLimits limits;

    ChargeController(CommandGateway gateway, ChargeLimitsProperties limits) {
        this.gateway = gateway;
        this.limits = limits.limits();
    }

    @PostMapping(path = "/api/v1/wallets/{userId}/charges", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> charge(
            @PathVariable String userId, CommandRequest request, @RequestBody JsonNode body) {
        UserId user = PathIds.userId(userId);
        long amount = BodyFields.integer(body, "amount", ReasonCode.INVALID_AMOUNT);
        if (!limits.allowsAmount(amount)) {
            throw new ApiException(ReasonCode.INVALID_AMOUNT, limits.amountRule() + ", got " + amount);
        }
        ChargeWallet command = new ChargeWallet(request.requestId(), user, amount, Instant.now());
        return gateway.execute(Topics.WALLET_COMMANDS, user.key(), command, request, HttpStatus.OK);
    }
}
