package jp.foodtrace.messaging;

/**
 * One Kafka topic of the suite: its name, how many partitions it gets (the ceiling on consumer
 * instances of one group) and whether it is log-compacted (master data keeps the latest record
 * per key).
 */
public record Topic(String name, int partitions, boolean compacted) {

    /** Suffix of the dead-letter topic that the failing consumer of a topic writes to. */
    public static final String DLQ_SUFFIX = ".dlq";

    public Topic {
        if (!name.matches("[a-z]+(\\.[a-z]+)*\\.v\\d+(\\.dlq)?")) {
            throw new IllegalArgumentException("topic name must be <domain>.<event>.v<N>[.dlq]: " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
    }

    public boolean isDeadLetter() {
        return name.endsWith(DLQ_SUFFIX);
    }

    /**
     * The dead-letter topic of this one. One partition: it is read by people and replayed by
     * tools, not scaled. Never compacted, so that every failed record stays.
     */
    public Topic deadLetter() {
        if (isDeadLetter()) {
            throw new IllegalStateException(name + " is already a dead-letter topic");
        }
        return new Topic(name + DLQ_SUFFIX, 1, false);
    }
}
