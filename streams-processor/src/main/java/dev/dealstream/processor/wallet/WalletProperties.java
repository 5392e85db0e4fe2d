package dev.dealstream.processor.wallet;

import dev.dealstream.topics.wallet.ChargeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dealstream.wallet.*}: the charge rules (defaults are {@link ChargeLimits#DEFAULT}). */
@ConfigurationProperties("dealstream.wallet")
public record WalletProperties(
        @DefaultValue("1000") long minCharge,
        @DefaultValue("1000000") long maxCharge,
        @DefaultValue("10000000") long balanceCap) {

    public ChargeLimits limits() {
        return new ChargeLimits(minCharge, maxCharge, balanceCap);
    }
}
