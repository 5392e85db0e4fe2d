package dev.dealstream.ingest.support;

import dev.dealstream.topics.Command;
import org.springframework.http.HttpStatus;

/**
 * What a command endpoint asks the gateway to do: write {@code command} to {@code topic} keyed by
 * {@code key}, and answer {@code succeeded} (200 for updates, 201 for creations) if it succeeds.
 */
public record CommandSubmission(String topic, String key, Command command, HttpStatus succeeded) {
}
