package dev.dealstream.web;

import dev.dealstream.topics.wallet.ChargeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dealstream.wallet.*}: the charge rules (defaults are {@link ChargeLimits#DEFAULT}). The ingest
 * API checks the per-charge range early; the processor decides with all three.
 */
@ConfigurationProperties("dealstream.wallet")
public record ChargeLimitsProperties(
        @DefaultValue("1000") long minCharge,
        @DefaultValue("1000000") long maxCharge,
        @DefaultValue("10000000") long balanceCap) {

    public ChargeLimits limits() {
        return new ChargeLimits(minCharge, maxCharge, balanceCap);
    }
}
