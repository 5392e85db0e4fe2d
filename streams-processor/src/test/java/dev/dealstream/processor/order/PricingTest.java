package dev.dealstream.processor.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.catalog.TimeSale;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final ProductId SHOES = new ProductId(1);
    private static final ProductId SOCKS = new ProductId(2);
    private static final TimeSale HOT_DEAL = new TimeSale(9, SHOES, 7_000, NOW, NOW.plusSeconds(3_600));
    private static final Map<ProductId, Product> CATALOG = Map.of(
            SHOES, new Product(SHOES, "shoes", 10_000, List.of(HOT_DEAL), NOW),
            SOCKS, new Product(SOCKS, "socks", 1_500, List.of(), NOW));

    @Test
    void pricesEachLineAtTheListPriceOutsideAnySale() {
        Pricing.Priced priced = Pricing.price(List.of(new OrderLine(SHOES, 2), new OrderLine(SOCKS, 3)),
                CATALOG::get, NOW.minusMillis(1));

        assertThat(priced.items()).extracting(OrderItem::unitPrice).containsExactly(10_000L, 1_500L);
        assertThat(priced.total()).isEqualTo(24_500);
    }

    @Test
    void aTimeSalePriceAppliesFromItsStartUpToButNotIncludingItsEnd() {
        assertThat(unitPriceOfShoesAt(NOW)).isEqualTo(7_000);
        assertThat(unitPriceOfShoesAt(NOW.plusSeconds(3_599))).isEqualTo(7_000);
        assertThat(unitPriceOfShoesAt(NOW.plusSeconds(3_600))).isEqualTo(10_000);
        assertThat(unitPriceOfShoesAt(NOW.minusMillis(1))).isEqualTo(10_000);
    }

    @Test
    void aSalePriceAboveALoweredListPriceDoesNotApply() {
        Product repriced = new Product(SHOES, "shoes", 6_000, List.of(HOT_DEAL), NOW);

        assertThat(repriced.priceAt(NOW)).isEqualTo(6_000);
    }

    @Test
    void unknownProductsAreNamedAndNothingIsPriced() {
        Pricing.Priced priced = Pricing.price(List.of(new OrderLine(SHOES, 1), new OrderLine(new ProductId(3), 1)),
                CATALOG::get, NOW);

        assertThat(priced.unknown()).containsExactly(new ProductId(3));
        assertThat(priced.items()).isEmpty();
    }

    @Test
    void aFixedCouponTakesOffItsValue() {
        assertThat(Pricing.discount(coupon(DiscountType.FIXED, 3_000, null), 20_000)).isEqualTo(3_000);
    }

    @Test
    void aFixedCouponWorthMoreThanTheOrderMakesItFreeNotNegative() {
        assertThat(Pricing.discount(coupon(DiscountType.FIXED, 30_000, null), 20_000)).isEqualTo(20_000);
    }

    @Test
    void aPercentCouponRoundsDownAndIsCappedAtItsMaximum() {
        assertThat(Pricing.discount(coupon(DiscountType.PERCENT, 15, null), 10_001)).isEqualTo(1_500);
        assertThat(Pricing.discount(coupon(DiscountType.PERCENT, 15, 1_000L), 10_001)).isEqualTo(1_000);
        assertThat(Pricing.discount(coupon(DiscountType.PERCENT, 100, null), 10_001)).isEqualTo(10_001);
    }

    private static long unitPriceOfShoesAt(Instant time) {
        return Pricing.price(List.of(new OrderLine(SHOES, 1)), CATALOG::get, time).items().get(0).unitPrice();
    }

    private static Coupon coupon(DiscountType type, long value, Long maxDiscount) {
        return new Coupon("5-1", new CampaignId(5), new UserId(7), type, value, maxDiscount, 10_000,
                NOW.plusSeconds(86_400), NOW);
    }
}
