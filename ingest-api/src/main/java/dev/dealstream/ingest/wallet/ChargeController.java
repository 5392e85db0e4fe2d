package dev.dealstream.ingest.wallet;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandEndpoints;
import dev.dealstream.ingest.support.CommandGateway;
import dev.dealstream.ingest.support.CommandRequest;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.wallet.ChargeLimits;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.ChargeLimitsProperties;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ReactiveEndpoints;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/wallets/{userId}/charges}: add money to a wallet. */
@Configuration(proxyBeanMethods = false)
class ChargeController {

    private final CommandGateway gateway;
    private final ChargeLimits limits;

    ChargeController(CommandGateway gateway, ChargeLimitsProperties limits) {
        this.gateway = gateway;
        this.limits = limits.limits();
    }

    @Bean
    RouterFunction<ServerResponse> chargeRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.POST, "/api/v1/wallets/{userId}/charges",
                CommandEndpoints.withJsonBody("userId", PathIds::userId, this::charge));
    }

    private Mono<ServerResponse> charge(UserId user, CommandRequest request, JsonNode body) {
        long amount = BodyFields.integer(body, "amount", ReasonCode.INVALID_AMOUNT);
        if (!limits.allowsAmount(amount)) {
            throw new ApiException(ReasonCode.INVALID_AMOUNT, limits.amountRule() + ", got " + amount);
        }
        ChargeWallet command = new ChargeWallet(request.requestId(), user, amount, Instant.now());
        return gateway.execute(Topics.WALLET_COMMANDS, user.key(), command, request, HttpStatus.OK);
    }
}
