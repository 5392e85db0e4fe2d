package dev.dealstream.processor.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.catalog.AdjustStock;
import dev.dealstream.topics.catalog.DefineProduct;
import dev.dealstream.topics.catalog.DefineTimeSale;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.StockRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final ProductId ID = new ProductId(1);
    private static final OrderId ORDER = OrderId.parse("7-1");
    private static final Instant PLACED = NOW.minusSeconds(5);
    private static final StockedProduct TEN_ON_HAND =
            new StockedProduct(new Product(ID, "shoes", 10_000, List.of(), NOW), 10);

    @Test
    void definingAProductKeepsItsStock() {
        CatalogDecision decision = Products.define(TEN_ON_HAND, new DefineProduct("r", ID, "boots", 12_000, NOW), NOW);

        assertThat(decision).isInstanceOfSatisfying(CatalogDecision.Changed.class, changed -> {
            assertThat(changed.product().onHand()).isEqualTo(10);
            assertThat(changed.product().product().price()).isEqualTo(12_000);
            assertThat(changed.catalogChanged()).isTrue();
        });
    }

    @Test
    void stockCanBeCorrectedDownToWhatIsLeftAfterReservationsButNotBelow() {
        StockedProduct sixReserved = Stock.apply(TEN_ON_HAND, request(6, StockRequest.Action.RESERVE)).product();

        assertThat(Products.adjustStock(sixReserved, new AdjustStock("r", ID, -4, NOW), NOW))
                .isInstanceOfSatisfying(CatalogDecision.Changed.class, changed -> assertThat(changed.product().onHand()).isZero());
        assertThat(Products.adjustStock(sixReserved, new AdjustStock("r", ID, -5, NOW), NOW))
                .isEqualTo(new CatalogDecision.Refused(ReasonCode.STOCK_BELOW_ZERO, "only 4 units are in stock, cannot take away 5"));
        assertThat(Products.adjustStock(null, new AdjustStock("r", ID, 5, NOW), NOW))
                .isInstanceOfSatisfying(CatalogDecision.Refused.class, refused -> assertThat(refused.code()).isEqualTo(ReasonCode.PRODUCT_NOT_FOUND));
    }

    @Test
    void overlappingSalesOfOneProductAreRefusedAndTouchingOnesAreNot() {
        StockedProduct onSale = changed(Products.defineSale(TEN_ON_HAND, sale(1, 8_000, 0, 60), NOW));

        assertThat(Products.defineSale(onSale, sale(2, 8_000, 59, 120), NOW))
                .isInstanceOfSatisfying(CatalogDecision.Refused.class, refused -> assertThat(refused.code()).isEqualTo(ReasonCode.TIME_SALE_OVERLAP));
        assertThat(changed(Products.defineSale(onSale, sale(2, 8_000, 60, 120), NOW)).product().sales()).hasSize(2);
        assertThat(changed(Products.defineSale(onSale, sale(1, 7_000, 30, 90), NOW)).product().sales())
                .singleElement().satisfies(sale -> assertThat(sale.salePrice()).isEqualTo(7_000));
    }

    @Test
    void aSalePriceMustBeBelowTheListPrice() {
        assertThat(Products.defineSale(TEN_ON_HAND, sale(1, 10_000, 0, 60), NOW))
                .isInstanceOfSatisfying(CatalogDecision.Refused.class, refused -> assertThat(refused.code()).isEqualTo(ReasonCode.INVALID_TIME_SALE));
    }

    @Test
    void aReservationSellsTheUnitsAndCountsTheLine() {
        Stock.Step reserved = Stock.apply(TEN_ON_HAND, request(4, StockRequest.Action.RESERVE));

        assertThat(reserved.reply().isReserved()).isTrue();
        assertThat(reserved.reply().release()).isEqualTo(request(4, StockRequest.Action.RELEASE));
        assertThat(reserved.product().onHand()).isEqualTo(6);
        assertThat(reserved.sold()).isEqualTo(new ProductOrderDelta(ID, ORDER, PLACED, 1, 4));
    }

    @Test
    void aReservationBeyondTheStockIsRefusedAndChangesNothing() {
        StockedProduct twoLeft = TEN_ON_HAND.adjusted(-8);
        Stock.Step refused = Stock.apply(twoLeft, request(3, StockRequest.Action.RESERVE));

        assertThat(refused.reply().refusal()).isEqualTo(ReasonCode.OUT_OF_STOCK);
        assertThat(refused.reply().detail()).isEqualTo("product 1 has 2 units left, the order asks for 3");
        assertThat(refused.product()).isEqualTo(twoLeft);
        assertThat(refused.sold()).isNull();
        assertThat(Stock.apply(twoLeft, request(2, StockRequest.Action.RESERVE)).product().onHand()).isZero();
    }

    @Test
    void aReleaseGivesTheUnitsBackAndTakesTheLineBackInTheSameHour() {
        Stock.Step reserved = Stock.apply(TEN_ON_HAND, request(4, StockRequest.Action.RESERVE));
        Stock.Step released = Stock.apply(reserved.product(), reserved.reply().release());

        assertThat(released.product()).isEqualTo(TEN_ON_HAND);
        assertThat(released.reply()).isNull();
        assertThat(released.sold()).isEqualTo(new ProductOrderDelta(ID, ORDER, PLACED, -1, -4));
    }

    @Test
    void aReleaseAfterARestockToTheLimitGivesTheUnitsBackOnTopOfIt() {
        // restocked to the limit while a running order holds 4 units
        StockedProduct atTheLimit = changed(Products.adjustStock(
                new StockedProduct(TEN_ON_HAND.product(), Integer.MAX_VALUE - 5), new AdjustStock("r", ID, 5, NOW), NOW));

        Stock.Step released = Stock.apply(atTheLimit, request(4, StockRequest.Action.RELEASE));

        assertThat(atTheLimit.onHand()).isEqualTo(Integer.MAX_VALUE);
        assertThat(released.product().onHand()).isEqualTo(Integer.MAX_VALUE + 4L);
        assertThat(released.product().view(NOW).stock()).isEqualTo(Integer.MAX_VALUE + 4L);
    }

    @Test
    void anUnknownProductRefusesAReservation() {
        Stock.Step unknown = Stock.apply(null, request(1, StockRequest.Action.RESERVE));

        assertThat(unknown.reply().refusal()).isEqualTo(ReasonCode.PRODUCT_NOT_FOUND);
        assertThat(unknown.sold()).isNull();
    }

    @Test
    void aSoldLineAddsOrTakesBackOneOrderWithItsUnits() {
        assertThatThrownBy(() -> new ProductOrderDelta(ID, ORDER, NOW, 1, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductOrderDelta(ID, ORDER, NOW, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStockRequestSaysWhenTheOrderWasPlacedAndMovesAtLeastOneUnit() {
        assertThatThrownBy(() -> new StockRequest(ORDER, ID, 4, StockRequest.Action.RESERVE, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StockRequest(ORDER, ID, 0, StockRequest.Action.RELEASE, PLACED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StockRequest request(int quantity, StockRequest.Action action) {
        return new StockRequest(ORDER, ID, quantity, action, PLACED);
    }

    private static DefineTimeSale sale(long saleId, long price, int fromSecond, int toSecond) {
        return new DefineTimeSale("r", saleId, ID, price, NOW.plusSeconds(fromSecond), NOW.plusSeconds(toSecond), NOW);
    }

    private static StockedProduct changed(CatalogDecision decision) {
        assertThat(decision).isInstanceOf(CatalogDecision.Changed.class);
        return ((CatalogDecision.Changed) decision).product();
    }
}
