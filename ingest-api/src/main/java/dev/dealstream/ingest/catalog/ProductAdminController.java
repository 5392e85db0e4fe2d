package dev.dealstream.ingest.catalog;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandCall;
import dev.dealstream.ingest.support.CommandEndpoint;
import dev.dealstream.ingest.support.CommandSubmission;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.catalog.AdjustStock;
import dev.dealstream.topics.catalog.DefineProduct;
import dev.dealstream.topics.catalog.DefineTimeSale;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.PathIds;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's admin endpoints: define a product, change its stock, put it on sale. Each is a
 * command keyed by the product, decided by the product's task.
 */
@Configuration(proxyBeanMethods = false)
class ProductAdminController {

    @Bean
    CommandEndpoint productDefinitionEndpoint() {
        return CommandEndpoint.put("/api/v1/admin/products/{productId}", ProductAdminController::define);
    }

    @Bean
    CommandEndpoint stockAdjustmentEndpoint() {
        return CommandEndpoint.post("/api/v1/admin/products/{productId}/stock", ProductAdminController::adjustStock);
    }

    @Bean
    CommandEndpoint timeSaleDefinitionEndpoint() {
        return CommandEndpoint.put("/api/v1/admin/time-sales/{saleId}", ProductAdminController::defineTimeSale);
    }

    private static CommandSubmission define(CommandCall call) {
        ProductId product = PathIds.productId(call.pathVariable("productId"));
        JsonNode body = call.body();
        DefineProduct command = new DefineProduct(call.requestId(), product,
                BodyFields.text(body, "name", ReasonCode.INVALID_PRODUCT),
                BodyFields.integer(body, "price", ReasonCode.INVALID_PRODUCT), Instant.now());
        refuseIfInvalid(command.violation(), ReasonCode.INVALID_PRODUCT);
        return new CommandSubmission(Topics.PRODUCT_COMMANDS, product.key(), command, HttpStatus.OK);
    }

    private static CommandSubmission adjustStock(CommandCall call) {
        ProductId product = PathIds.productId(call.pathVariable("productId"));
        AdjustStock command = new AdjustStock(call.requestId(), product,
                BodyFields.intValue(call.body(), "quantity", ReasonCode.INVALID_STOCK_ADJUSTMENT), Instant.now());
        refuseIfInvalid(command.violation(), ReasonCode.INVALID_STOCK_ADJUSTMENT);
        return new CommandSubmission(Topics.STOCK_ADJUSTMENTS, product.key(), command, HttpStatus.OK);
    }

    /** Keyed by the sale's product, whose task sees every sale of the product and refuses overlaps. */
    private static CommandSubmission defineTimeSale(CommandCall call) {
        long sale = PathIds.saleId(call.pathVariable("saleId"));
        JsonNode body = call.body();
        long product = BodyFields.positiveId(body, "productId", ReasonCode.INVALID_PRODUCT_ID, "product id");
        DefineTimeSale command = new DefineTimeSale(call.requestId(), sale, new ProductId(product),
                BodyFields.integer(body, "salePrice", ReasonCode.INVALID_TIME_SALE),
                BodyFields.instant(body, "startsAt", ReasonCode.INVALID_TIME_SALE),
                BodyFields.instant(body, "endsAt", ReasonCode.INVALID_TIME_SALE), Instant.now());
        refuseIfInvalid(command.violation(), ReasonCode.INVALID_TIME_SALE);
        return new CommandSubmission(Topics.TIME_SALE_COMMANDS, command.productId().key(), command, HttpStatus.OK);
    }

    private static void refuseIfInvalid(String violation, ReasonCode code) {
        if (violation != null) {
            throw new ApiException(code, violation);
        }
    }
}
