package dev.dealstream.ingest.order;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandCall;
import dev.dealstream.ingest.support.CommandEndpoint;
import dev.dealstream.ingest.support.CommandSubmission;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.CancelOrder;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.OrderLine;
import dev.dealstream.topics.order.PlaceOrder;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.PathIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/orders} and {@code POST /api/v1/orders/{orderId}/cancel}. Both are keyed by the
 * user (an order id names its user), whose task owns the balance, the coupons and the order; the call
 * waits until the order's saga has ended.
 */
@Configuration(proxyBeanMethods = false)
class OrderController {

    @Bean
    CommandEndpoint orderPlacementEndpoint() {
        return CommandEndpoint.post("/api/v1/orders", OrderController::place);
    }

    @Bean
    CommandEndpoint orderCancellationEndpoint() {
        return CommandEndpoint.post("/api/v1/orders/{orderId}/cancel", OrderController::cancel);
    }

    private static CommandSubmission place(CommandCall call) {
        JsonNode body = call.body();
        long user = BodyFields.positiveId(body, "userId", ReasonCode.INVALID_USER_ID, "user id");
        PlaceOrder command = new PlaceOrder(call.requestId(), new UserId(user), lines(body),
                BodyFields.text(body, "couponId", ReasonCode.INVALID_ORDER), Instant.now());
        String violation = command.violation();
        if (violation != null) {
            throw new ApiException(ReasonCode.INVALID_ORDER, violation);
        }
        return new CommandSubmission(Topics.ORDER_REQUESTS, command.userId().key(), command, HttpStatus.CREATED);
    }

    private static CommandSubmission cancel(CommandCall call) {
        OrderId order = PathIds.orderId(call.pathVariable("orderId"));
        CancelOrder command = new CancelOrder(call.requestId(), order, Instant.now());
        return new CommandSubmission(Topics.ORDER_REQUESTS, order.userId().key(), command, HttpStatus.OK);
    }

    private static List<OrderLine> lines(JsonNode body) {
        JsonNode items = BodyFields.object(body).get("items");
        if (items == null || !items.isArray()) {
            throw new ApiException(ReasonCode.INVALID_ORDER, "'items' must be an array of {productId, quantity}");
        }
        if (items.size() > PlaceOrder.MAX_LINES) {
            throw new ApiException(ReasonCode.INVALID_ORDER, "an order has 1-" + PlaceOrder.MAX_LINES + " lines, got " + items.size());
        }
        List<OrderLine> lines = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            long product = BodyFields.positiveId(item, "productId", ReasonCode.INVALID_ORDER, "product id");
            lines.add(new OrderLine(new ProductId(product), BodyFields.intValue(item, "quantity", ReasonCode.INVALID_ORDER)));
        }
        return lines;
    }
}
