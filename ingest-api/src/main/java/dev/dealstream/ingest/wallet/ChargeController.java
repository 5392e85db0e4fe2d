package dev.dealstream.ingest.wallet;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandCall;
import dev.dealstream.ingest.support.CommandEndpoint;
import dev.dealstream.ingest.support.CommandSubmission;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.wallet.ChargeLimits;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.ChargeLimitsProperties;
import dev.dealstream.web.PathIds;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** {@code POST /api/v1/wallets/{userId}/charges}: add money to a wallet. */
@Configuration(proxyBeanMethods = false)
class ChargeController {

    private final ChargeLimits limits;

    ChargeController(ChargeLimitsProperties limits) {
        this.limits = limits.limits();
    }

    @Bean
    CommandEndpoint chargeEndpoint() {
        return CommandEndpoint.post("/api/v1/wallets/{userId}/charges", this::charge);
    }

    private CommandSubmission charge(CommandCall call) {
        UserId user = PathIds.userId(call.pathVariable("userId"));
        long amount = BodyFields.integer(call.body(), "amount", ReasonCode.INVALID_AMOUNT);
        if (!limits.allowsAmount(amount)) {
            throw new ApiException(ReasonCode.INVALID_AMOUNT, limits.amountRule() + ", got " + amount);
        }
        ChargeWallet command = new ChargeWallet(call.requestId(), user, amount, Instant.now());
        return new CommandSubmission(Topics.WALLET_COMMANDS, user.key(), command, HttpStatus.OK);
    }
}
