package dev.dealstream.ingest.catalog;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandEndpoints;
import dev.dealstream.ingest.support.CommandGateway;
import dev.dealstream.ingest.support.CommandRequest;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.catalog.AdjustStock;
import dev.dealstream.topics.catalog.DefineProduct;
import dev.dealstream.topics.catalog.DefineTimeSale;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ReactiveEndpoints;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's admin endpoints: define a product, change its stock, put it on sale. Each is a
 * command keyed by the product, decided by the product's task.
 */
@Configuration(proxyBeanMethods = false)
class ProductAdminController {

    private final CommandGateway gateway;

    ProductAdminController(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Bean
    RouterFunction<ServerResponse> productAdminRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.PUT, "/api/v1/admin/products/{productId}",
                        CommandEndpoints.withJsonBody("productId", PathIds::productId, this::define))
                .and(ReactiveEndpoints.endpoint(HttpMethod.POST, "/api/v1/admin/products/{productId}/stock",
                        CommandEndpoints.withJsonBody("productId", PathIds::productId, this::adjustStock)))
                .and(ReactiveEndpoints.endpoint(HttpMethod.PUT, "/api/v1/admin/time-sales/{saleId}",
                        CommandEndpoints.withJsonBody("saleId", PathIds::saleId, this::defineTimeSale)));
    }

    private Mono<ServerResponse> define(ProductId product, CommandRequest request, JsonNode body) {
        DefineProduct command = new DefineProduct(request.requestId(), product,
                BodyFields.text(body, "name", ReasonCode.INVALID_PRODUCT),
                BodyFields.integer(body, "price", ReasonCode.INVALID_PRODUCT), Instant.now());
        refuseIfInvalid(command.violation(), ReasonCode.INVALID_PRODUCT);
        return gateway.execute(Topics.PRODUCT_COMMANDS, product.key(), command, request, HttpStatus.OK);
    }

    private Mono<ServerResponse> adjustStock(ProductId product, CommandRequest request, JsonNode body) {
        AdjustStock command = new AdjustStock(request.requestId(), product,
                BodyFields.intValue(body, "quantity", ReasonCode.INVALID_STOCK_ADJUSTMENT), Instant.now());
        refuseIfInvalid(command.violation(), ReasonCode.INVALID_STOCK_ADJUSTMENT);
        return gateway.execute(Topics.STOCK_ADJUSTMENTS, product.key(), command, request, HttpStatus.OK);
    }

    /** Keyed by the sale's product, whose task sees every sale of the product and refuses overlaps. */
    private Mono<ServerResponse> defineTimeSale(long sale, CommandRequest request, JsonNode body) {
        long product = BodyFields.positiveId(body, "productId", ReasonCode.INVALID_PRODUCT_ID, "product id");
        DefineTimeSale command = new DefineTimeSale(request.requestId(), sale, new ProductId(product),
                BodyFields.integer(body, "salePrice", ReasonCode.INVALID_TIME_SALE),
                BodyFields.instant(body, "startsAt", ReasonCode.INVALID_TIME_SALE),
                BodyFields.instant(body, "endsAt", ReasonCode.INVALID_TIME_SALE), Instant.now());
        refuseIfInvalid(command.violation(), ReasonCode.INVALID_TIME_SALE);
        return gateway.execute(Topics.TIME_SALE_COMMANDS, command.productId().key(), command, request, HttpStatus.OK);
    }

    private static void refuseIfInvalid(String violation, ReasonCode code) {
        if (violation != null) {
            throw new ApiException(code, violation);
        }
    }
}
