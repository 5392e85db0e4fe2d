/**
 * The contract between Dealstream's services: topic names and settings, the key each topic is
 * partitioned by, the commands, events and outcomes that flow on them, reason codes, and JSON serdes.
 * Plain Java and kafka-clients only, so every service (and every test) agrees on the same shapes.
 */
package dev.dealstream.topics;
