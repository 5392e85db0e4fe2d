package dev.dealstream.topics.catalog;

import dev.dealstream.topics.request.OutcomeResult;

/**
 * A product as a client sees it: its price, the sale price while a sale is on (null otherwise) and
 * the units that can still be ordered ({@code stock}: on hand, less what running orders have reserved).
 */
public record ProductView(ProductId productId, String name, long price,
                          Long salePrice, long stock)
        implements OutcomeResult {
}
