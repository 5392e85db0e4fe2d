package dev.dealstream.topics;

import java.util.List;

/**
 * Which processor instance hosts the active copy of each partition of a store, as the processor's
 * internal {@code /internal/metadata/stores/{store}} answers it. {@code owners.get(p)} is the base URL
 * of the owner of partition p, or null while no instance has it.
 */
public record StoreOwners(String store, int partitions, List<String> owners) {
}
