package dev.dealstream.ingest.catalog;

import dev.dealstream.ingest.support.BodyFields;
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
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's admin endpoints: define a product, change its stock, put it on sale. Each is a
 * command keyed by the product, decided by the product's task.
 */
@RestController
class ProductAdminController {

    private final CommandGateway gateway;

    ProductAdminController(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @PutMapping(path = "/api/v1/admin/products/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> define(@PathVariable String productId, CommandRequest request, @RequestBody JsonNode body) {
        ProductId product = PathIds.productId(productId);
        DefineProduct command = new DefineProduct(request.requestId(), product,
                BodyFields.text(body, "name", ReasonCode.INVALID_PRODUCT),
                BodyFields.integer(body, "price", ReasonCode.INVALID_PRODUCT), Instant.now());
        refuseIfInvalid(command.violation(), ReasonCode.INVALID_PRODUCT);
        return gateway.execute(Topics.PRODUCT_COMMANDS, product.key(), command, request, HttpStatus.OK);
    }

    @PostMapping(path = "/api/v1/admin/products/{productId}/stock", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> adjustStock(@PathVariable String productId, CommandRequest request, @RequestBody JsonNode body) {
        ProductId product = PathIds.productId(productId);
        AdjustStock command = new AdjustStock(request.requestId(), product,
                BodyFields.intValue(body, "quantity", ReasonCode.INVALID_STOCK_ADJUSTMENT), Instant.now());
        refuseIfInvalid(command.violation(), ReasonCode.INVALID_STOCK_ADJUSTMENT);
        return gateway.execute(Topics.STOCK_ADJUSTMENTS, product.key(), command, request, HttpStatus.OK);
    }

    /** Keyed by the sale's product, whose task sees every sale of the product and refuses overlaps. */
    @PutMapping(path = "/api/v1/admin/time-sales/{saleId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> defineTimeSale(@PathVariable String saleId, CommandRequest request, @RequestBody JsonNode body) {
        long sale = PathIds.saleId(saleId);
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
