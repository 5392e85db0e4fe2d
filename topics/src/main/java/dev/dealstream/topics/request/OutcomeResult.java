package dev.dealstream.topics.request;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The result a succeeded command carries. Each kind is registered by name in
 * {@link dev.dealstream.topics.support.Json}, which is how it is told apart on the wire.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
public interface OutcomeResult {
}
