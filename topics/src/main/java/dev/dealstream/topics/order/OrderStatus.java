package dev.dealstream.topics.order;

/** Where an order stands. PENDING while its stock is being reserved; the other three are final, except CONFIRMED → CANCELLED. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLED
}
