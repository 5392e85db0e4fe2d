package dev.dealstream.processor.catalog;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.request.OutcomeResult;

/** What an admin command on a product came to: the product as it now is, or a refusal with its reason. */
public sealed interface CatalogDecision {

    /**
     * @param catalogChanged whether the catalog entry (name, price, sales) changed, so it is published
     * @param result         what the command's outcome shows
     */
    record Changed(StockedProduct product, boolean catalogChanged, OutcomeResult result) implements CatalogDecision {
    }

    record Refused(ReasonCode code, String detail) implements CatalogDecision {
    }
}
