package dev.dealstream.processor.catalog;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.catalog.AdjustStock;
import dev.dealstream.topics.catalog.DefineProduct;
import dev.dealstream.topics.catalog.DefineTimeSale;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.TimeSale;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The decisions of a product's task on admin commands: define the product, adjust its stock, put it on sale. */
public final class Products {

    /** How long an ended sale stays on its product: orders accepted before its end may still be priced. */
    static final Duration ENDED_SALES_KEPT = Duration.ofHours(1);

    private Products() {
    }

    /** Lists a new product or changes the name and price of one; its stock and sales stay. */
    public static CatalogDecision define(StockedProduct existing, DefineProduct command, Instant now) {
        String violation = command.violation();
        if (violation != null) {
            return new CatalogDecision.Refused(ReasonCode.INVALID_PRODUCT, violation);
        }
        List<TimeSale> sales = existing == null ? List.of() : existing.product().sales();
        Optional<TimeSale> notCheaper = sales.stream().filter(sale -> sale.salePrice() >= command.price()).findFirst();
        if (notCheaper.isPresent()) {
            return new CatalogDecision.Refused(ReasonCode.INVALID_PRODUCT, "time sale " + notCheaper.get().saleId()
                    + " sells at " + notCheaper.get().salePrice() + ", so the price must stay above that");
        }
        Product product = new Product(command.productId(), command.name(), command.price(), sales, now);
        StockedProduct defined = existing == null ? StockedProduct.listed(product) : existing.withProduct(product);
        return new CatalogDecision.Changed(defined, true, defined.view(now));
    }

    /** Adds units, or takes them away down to zero (running orders' reservations are already off the stock). */
    public static CatalogDecision adjustStock(StockedProduct existing, AdjustStock command, Instant now) {
        String violation = command.violation();
        if (violation != null) {
            return new CatalogDecision.Refused(ReasonCode.INVALID_STOCK_ADJUSTMENT, violation);
        }
        if (existing == null) {
            return notFound(command.productId().key());
        }
        if (existing.onHand() + command.quantity() < 0) {
            return new CatalogDecision.Refused(ReasonCode.STOCK_BELOW_ZERO, "only " + existing.onHand()
                    + " units are in stock, cannot take away " + -command.quantity());
        }
        if (existing.onHand() + command.quantity() > Integer.MAX_VALUE) {
            return new CatalogDecision.Refused(ReasonCode.INVALID_STOCK_ADJUSTMENT, "the stock would exceed " + Integer.MAX_VALUE);
        }
        StockedProduct adjusted = existing.adjusted(command.quantity());
        return new CatalogDecision.Changed(adjusted, false, adjusted.view(now));
    }

    /** Adds a time sale or changes one; sales of one product never overlap and sell below the list price. */
    public static CatalogDecision defineSale(StockedProduct existing, DefineTimeSale command, Instant now) {
        String violation = command.violation();
        if (violation != null) {
            return new CatalogDecision.Refused(ReasonCode.INVALID_TIME_SALE, violation);
        }
        if (existing == null) {
            return notFound(command.productId().key());
        }
        Product product = existing.product();
        if (command.salePrice() >= product.price()) {
            return new CatalogDecision.Refused(ReasonCode.INVALID_TIME_SALE,
                    "a sale price is below the list price " + product.price() + ", got " + command.salePrice());
        }
        TimeSale sale = command.sale();
        Instant longOver = now.minus(ENDED_SALES_KEPT);
        List<TimeSale> others = product.sales().stream()
                .filter(other -> other.saleId() != sale.saleId() && other.endsAt().isAfter(longOver))
                .toList();
        Optional<TimeSale> overlapping = others.stream().filter(sale::overlaps).findFirst();
        if (overlapping.isPresent()) {
            return new CatalogDecision.Refused(ReasonCode.TIME_SALE_OVERLAP, "time sale " + overlapping.get().saleId()
                    + " of product " + product.productId() + " runs from " + overlapping.get().startsAt()
                    + " to " + overlapping.get().endsAt());
        }
        List<TimeSale> sales = new ArrayList<>(others);
        sales.add(sale);
        sales.sort(Comparator.comparing(TimeSale::startsAt));
        Product onSale = new Product(product.productId(), product.name(), product.price(), sales, now);
        return new CatalogDecision.Changed(existing.withProduct(onSale), true, sale);
    }

    private static CatalogDecision notFound(String productId) {
        return new CatalogDecision.Refused(ReasonCode.PRODUCT_NOT_FOUND, "product " + productId + " is not in the catalog");
    }
}
