package dev.dealstream.processor.support;

/**
 * The answer of a local store lookup: the value (null when the key is absent), or why this
 * instance cannot answer.
 */
public sealed interface StoreLookup<R> {

    record Found<R>(R value) implements StoreLookup<R> {
    }

    /** The key's partition is active on another instance (or on none yet): route again. */
    record NotOwner<R>(int partition) implements StoreLookup<R> {
    }

    /** The store is being restored, rebalanced or is not started: retry shortly. */
    record NotReady<R>(String reason) implements StoreLookup<R> {
    }
}
