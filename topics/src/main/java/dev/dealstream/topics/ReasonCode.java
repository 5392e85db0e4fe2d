package dev.dealstream.topics;

/**
 * Why a request was refused. One enum for the processors (which decide) and the HTTP layer (which
 * answers with the status given here and the code in an RFC 9457 problem).
 */
public enum ReasonCode {
    MALFORMED_REQUEST(400, "The request body is not valid JSON of the expected shape"),
    INVALID_IDEMPOTENCY_KEY(400, "Idempotency-Key must be 1-64 visible ASCII characters"),
    INVALID_USER_ID(400, "A user id is a positive integer"),
    INVALID_USER(400, "A user needs a name of 1-100 characters"),
    INVALID_AMOUNT(400, "The amount is not an allowed integer number of won"),
    INVALID_CAMPAIGN_ID(400, "A campaign id is a positive integer"),
    INVALID_CAMPAIGN(400, "The coupon campaign definition is not valid"),
    INVALID_PRODUCT_ID(400, "A product id is a positive integer"),
    INVALID_PRODUCT(400, "The product definition is not valid"),
    INVALID_STOCK_ADJUSTMENT(400, "The stock adjustment is not a valid number of units"),
    INVALID_TIME_SALE_ID(400, "A time sale id is a positive integer"),
    INVALID_TIME_SALE(400, "The time sale is not valid"),
    INVALID_ORDER(400, "The order is not valid"),
    INVALID_ORDER_ID(400, "An order id looks like 7-3: the user's id and the order number"),
    USER_NOT_FOUND(404, "No user is registered with this id"),
    CAMPAIGN_NOT_FOUND(404, "No coupon campaign is defined with this id"),
    PRODUCT_NOT_FOUND(404, "No product is in the catalog with this id"),
    ORDER_NOT_FOUND(404, "No order is known with this id"),
    REQUEST_NOT_FOUND(404, "No request is known with this id"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "This method is not supported here"),
    NOT_ACCEPTABLE(406, "The requested media type cannot be produced"),
    BALANCE_LIMIT_EXCEEDED(409, "The charge would take the balance above its limit"),
    SOLD_OUT(409, "Every coupon of this campaign has been issued"),
    ALREADY_ISSUED(409, "This user already holds a coupon of this campaign"),
    QUANTITY_BELOW_ISSUED(409, "The quantity cannot go below the number of coupons already issued"),
    STOCK_BELOW_ZERO(409, "The correction would take the stock below zero"),
    TIME_SALE_OVERLAP(409, "The product has another time sale at that time"),
    OUT_OF_STOCK(409, "Not enough units of a product are in stock"),
    INSUFFICIENT_BALANCE(409, "The balance does not cover the order"),
    ORDER_NOT_CANCELLABLE(409, "Only a confirmed order can be cancelled"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Send the body as application/json"),
    IDEMPOTENCY_KEY_REUSED(422, "This Idempotency-Key was already used with a different request"),
    CAMPAIGN_NOT_ACTIVE(422, "The campaign does not issue coupons at this time"),
    COUPON_NOT_USABLE(422, "The coupon cannot be used for this order"),
    NOT_OWNER(421, "This processor instance does not own the key"),
    SERVICE_UNAVAILABLE(503, "The service cannot take the request right now; retry later"),
    ORDER_TIMED_OUT(503, "The order's stock could not be reserved in time; nothing was charged, order again"),
    STORE_NOT_READY(503, "The state for this key is being restored or moved; retry shortly"),
    RANKING_NOT_READY(503, "The ranking has not been published or read yet; retry shortly");

    private final int httpStatus;
    private final String title;

    ReasonCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
