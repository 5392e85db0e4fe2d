package dev.dealstream.topics;

/** Names of the Kafka record headers Dealstream writes. */
public final class HeaderNames {

    /**
     * On {@link Topics#REQUEST_OUTCOMES}: "true" when the record repeats an outcome already decided
     * (a retried request id). The value equals the first outcome; readers counting decisions skip it.
     */
    public static final String REPLAY = "dealstream.replay";

    /** On a dead-letter record: why it could not be processed. */
    public static final String DLQ_REASON = "dealstream.dlq.reason";
    /** On a dead-letter record: the topic, partition and offset it was read from. */
    public static final String DLQ_SOURCE_TOPIC = "dealstream.dlq.source-topic";
    public static final String DLQ_SOURCE_PARTITION = "dealstream.dlq.source-partition";
    public static final String DLQ_SOURCE_OFFSET = "dealstream.dlq.source-offset";

    private HeaderNames() {
    }
}
