package jp.foodtrace.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * {@code ./suite dlq}: shows the dead letters of one source topic or of every {@code .dlq}
 * topic, and republishes chosen ones to their source topic.
 *
 * <pre>
 * list [TOPIC]                            every dead letter of TOPIC's .dlq, or of all .dlq topics
 * replay TOPIC --event-id ID | --all      republish to TOPIC (one event, or every distinct event)
 * options: --bootstrap HOST:PORT, --command-config FILE (Kafka client properties: SASL/TLS)
 * </pre>
 *
 * TOPIC is the source topic ({@code lots.v1}); its dead-letter name ({@code lots.v1.dlq}) is
 * accepted too. Exit codes: 0 done, 1 nothing matched, 2 Kafka failed, 64 bad command line.
 */
public final class DlqCommand {

    static final String USAGE = """
            usage: ./suite dlq list [TOPIC] [--bootstrap HOST:PORT] [--command-config FILE]
                   ./suite dlq replay TOPIC (--event-id ID | --all) [--bootstrap HOST:PORT] [--command-config FILE]
            TOPIC is a source topic such as terminal.orders.v1 (or its .dlq name). Bootstrap servers:
            --bootstrap, else KAFKA_BOOTSTRAP_SERVERS, else bootstrap.servers of the command-config file,
            else 127.0.0.1:9092.""";

    private static final int REASON_WIDTH = 160;
    private static final String ROW = "%-26s %-10s %-20s %-36s %-24s %s%n";

    private final PrintStream out;

    DlqCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new DlqCommand(System.out).run(args, System.getenv("KAFKA_BOOTSTRAP_SERVERS")));
    }

    /** Runs one command line and returns the exit code; {@code environmentBootstrap} may be null. */
    int run(String[] args, String environmentBootstrap) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return 64;
        }
        try {
            KafkaClientSettings settings = KafkaClientSettings.resolve(arguments.option("bootstrap"),
                    Optional.ofNullable(environmentBootstrap), arguments.option("command-config").map(Path::of));
            try (DeadLetterQueue queue = new DeadLetterQueue(settings)) {
                return switch (arguments.command()) {
                    case "list" -> list(queue, arguments.topic());
                    case "replay" -> replay(queue, arguments);
                    default -> throw new UsageException("unknown command " + arguments.command());
                };
            }
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            return 64;
        } catch (KafkaException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return 2;
        }
    }

    private int list(DeadLetterQueue queue, Optional<String> topic) {
        List<String> sources = topic.map(t -> List.of(DeadLetterQueue.sourceOf(t)))
                .orElseGet(() -> queue.deadLetterTopics().stream().map(DeadLetterQueue::sourceOf).toList());
        Map<String, List<DeadLetter>> bySource = new LinkedHashMap<>();
        sources.forEach(source -> bySource.put(source, queue.read(source)));
        out.printf(ROW, "dlq topic", "part:off", "key", "event id", "dead-lettered at", "reason");
        int total = 0;
        List<String> counts = new ArrayList<>();
        for (Map.Entry<String, List<DeadLetter>> entry : bySource.entrySet()) {
            String source = entry.getKey();
            List<DeadLetter> letters = entry.getValue();
            for (DeadLetter letter : letters) {
                out.printf(ROW, letter.dlqTopic(),
                        letter.partition() + ":" + letter.offset(), letter.keyText(), letter.eventId().orElse("-"),
                        letter.deadLetteredAt(), oneLine(letter.reason().orElse("-")));
            }
            if (!letters.isEmpty() || topic.isPresent()) {
                counts.add(letters.size() + " in " + source + ".dlq");
            }
            total += letters.size();
        }
        out.printf("[dlq] %d dead letters%s%n", total, counts.isEmpty() ? " in " + sources.size() + " .dlq topics"
                : ": " + String.join(", ", counts));
        return 0;
    }

    private int replay(DeadLetterQueue queue, Arguments arguments) {
        String source = DeadLetterQueue.sourceOf(arguments.topic()
                .orElseThrow(() -> new UsageException("replay needs the source TOPIC")));
        Optional<String> eventId = arguments.option("event-id");
        boolean all = arguments.flag("all");
        if (eventId.isPresent() == all) {
            throw new UsageException("replay needs exactly one of --event-id ID or --all\n" + USAGE);
        }
        List<DeadLetter> letters = queue.read(source);
        List<DeadLetter> chosen = eventId.map(id -> latestOf(letters, id)).orElseGet(() -> latestPerEvent(letters));
        if (chosen.isEmpty()) {
            out.printf("[dlq] nothing to replay: %s%n", eventId.map(id -> "no dead letter with event id " + id
                    + " in " + source + ".dlq").orElse(source + ".dlq is empty"));
            return 1;
        }
        for (DeadLetter letter : chosen) {
            letter.sourceTopic().filter(origin -> !origin.equals(source)).ifPresent(origin -> out.printf(
                    "[dlq] note: %s:%d names %s as its origin; republishing to %s as asked%n", letter.dlqTopic(),
                    letter.offset(), origin, source));
            RecordMetadata written = queue.replay(letter, source);
            out.printf("[dlq] republished %s %d:%d -> %s %d:%d  key %s  event id %s%n", letter.dlqTopic(),
                    letter.partition(), letter.offset(), written.topic(), written.partition(), written.offset(),
                    letter.keyText(), letter.eventId().orElse("-"));
        }
        out.printf("[dlq] republished %d of %d dead letters to %s; consumers ignore events they already processed"
                + " (event-id inbox); the dead letters stay in %s.dlq%n", chosen.size(), letters.size(), source, source);
        return 0;
    }

    /** A record dead-lettered more than once (replayed and failed again) is republished once: the latest. */
    private List<DeadLetter> latestOf(List<DeadLetter> letters, String eventId) {
        List<DeadLetter> matching = letters.stream().filter(l -> l.eventId().filter(eventId::equals).isPresent())
                .toList();
        if (matching.size() > 1) {
            out.printf("[dlq] event id %s was dead-lettered %d times; republishing the latest%n", eventId,
                    matching.size());
        }
        return matching.isEmpty() ? List.of() : List.of(matching.get(matching.size() - 1));
    }

    /** One record per event id (the latest), and every record that has no event id. */
    private static List<DeadLetter> latestPerEvent(List<DeadLetter> letters) {
        Map<Object, DeadLetter> chosen = new LinkedHashMap<>();
        for (DeadLetter letter : letters) {
            Object identity = letter.eventId().<Object>map(id -> id).orElse(letter);
            chosen.remove(identity);
            chosen.put(identity, letter);
        }
        return List.copyOf(chosen.values());
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= REASON_WIDTH ? flat : flat.substring(0, REASON_WIDTH - 1) + "…";
    }

    /** {@code COMMAND [TOPIC] [--name value | --flag]...}. */
    record Arguments(String command, Optional<String> topic, Map<String, String> options) {

        private static final List<String> VALUED = List.of("bootstrap", "command-config", "event-id");
        private static final List<String> FLAGS = List.of("all");

        static Arguments parse(String[] args) {
            String command = null;
            String topic = null;
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    String name = arg.substring(2);
                    if (FLAGS.contains(name)) {
                        options.put(name, "true");
                    } else if (VALUED.contains(name)) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(arg + " needs a value");
                        }
                        options.put(name, args[++i]);
                    } else {
                        throw new UsageException("unknown option " + arg);
                    }
                } else if (command == null) {
                    command = arg;
                } else if (topic == null) {
                    topic = arg;
                } else {
                    throw new UsageException("unexpected argument " + arg);
                }
            }
            if (command == null || !List.of("list", "replay").contains(command)) {
                throw new UsageException(command == null ? "missing command" : "unknown command " + command);
            }
            return new Arguments(command, Optional.ofNullable(topic), options);
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }

        boolean flag(String name) {
            return options.containsKey(name);
        }
    }
}
