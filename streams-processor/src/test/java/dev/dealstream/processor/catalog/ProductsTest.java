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
            new StockedProduct(new Product(ID, "shoes", 10_000, List.of(), NOW), 10, 0);

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
    void stockCanBeCorrectedDownToWhatIsNotReservedButNotBelow() {
        StockedProduct sixReserved = TEN_ON_HAND.reserve(6);

        assertThat(Products.adjustStock(sixReserved, new AdjustStock("r", ID, -4, NOW), NOW))
                .isInstanceOfSatisfying(CatalogDecision.Changed.class, changed -> assertThat(changed.product().available()).isZero());
        assertThat(Products.adjustStock(sixReserved, new AdjustStock("r", ID, -5, NOW), NOW))
                .isEqualTo(new CatalogDecision.Refused(ReasonCode.STOCK_BELOW_ZERO,
                        "only 4 units are in stock and not reserved, cannot take away 5"));
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
    void aReservationIsAppliedOnceAndCommitOrReleaseWithoutOneChangesNothing() {
        StockRequest reserve = request(4, StockRequest.Action.RESERVE);
        Stock.Step first = Stock.apply(TEN_ON_HAND, null, reserve);
        Stock.Step again = Stock.apply(first.product(), first.reservation(), reserve);

        assertThat(first.reply().isReserved()).isTrue();
        assertThat(again.product()).isEqualTo(first.product());
        assertThat(again.reply().isReserved()).isTrue();
        assertThat(first.product().reserved()).isEqualTo(4);

        Stock.Step committed = Stock.apply(first.product(), first.reservation(), request(4, StockRequest.Action.COMMIT));
        assertThat(committed.product()).extracting(StockedProduct::onHand, StockedProduct::reserved).containsExactly(6, 0);
        assertThat(Stock.apply(committed.product(), null, request(4, StockRequest.Action.RELEASE)).product()).isEqualTo(committed.product());
        assertThat(Stock.apply(committed.product(), null, request(4, StockRequest.Action.COMMIT)).product()).isEqualTo(committed.product());
    }

    @Test
    void aReservationBeyondWhatIsAvailableIsRefused() {
        Stock.Step refused = Stock.apply(TEN_ON_HAND.reserve(8), null, request(3, StockRequest.Action.RESERVE));

        assertThat(refused.reply().refusal()).isEqualTo(ReasonCode.OUT_OF_STOCK);
        assertThat(refused.reservation()).isNull();
        assertThat(refused.product().reserved()).isEqualTo(8);
    }

    @Test
    void aCommitOfAReservationSellsTheLineOnceAndAReturnTakesItBackInTheSameHour() {
        Stock.Step reserved = Stock.apply(TEN_ON_HAND, null, request(4, StockRequest.Action.RESERVE));
        Stock.Step committed = Stock.apply(reserved.product(), reserved.reservation(), request(4, StockRequest.Action.COMMIT));
        Stock.Step committedAgain = Stock.apply(committed.product(), committed.reservation(), request(4, StockRequest.Action.COMMIT));
        Stock.Step returned = Stock.apply(committed.product(), null, request(4, StockRequest.Action.RETURN));

        assertThat(reserved.sold()).isNull();
        assertThat(committed.sold()).isEqualTo(new ProductOrderDelta(ID, ORDER, PLACED, 1, 4));
        assertThat(committedAgain.sold()).isNull();
        assertThat(returned.sold()).isEqualTo(new ProductOrderDelta(ID, ORDER, PLACED, -1, -4));
        assertThat(returned.product().onHand()).isEqualTo(10);
    }

    @Test
    void aReleasedReservationSellsNothing() {
        Stock.Step reserved = Stock.apply(TEN_ON_HAND, null, request(4, StockRequest.Action.RESERVE));
        Stock.Step released = Stock.apply(reserved.product(), reserved.reservation(), request(4, StockRequest.Action.RELEASE));

        assertThat(released.sold()).isNull();
        assertThat(released.product()).isEqualTo(TEN_ON_HAND);
    }

    @Test
    void aSoldLineAddsOrTakesBackOneOrderWithItsUnits() {
        assertThatThrownBy(() -> new ProductOrderDelta(ID, ORDER, NOW, 1, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductOrderDelta(ID, ORDER, NOW, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommitOrAReturnMustSayWhenTheOrderWasPlaced() {
        assertThatThrownBy(() -> new StockRequest(ORDER, ID, 4, StockRequest.Action.COMMIT, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockRequest(ORDER, ID, 4, StockRequest.Action.RETURN, null))
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
