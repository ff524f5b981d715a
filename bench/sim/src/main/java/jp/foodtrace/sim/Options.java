package jp.foodtrace.sim;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} command-line options with defaults. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                options.values.put("_command", args[i]);
                continue;
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.values.put(name, args[++i]);
            } else {
                options.values.put(name, "true");
            }
        }
        return options;
    }

    String command(String fallback) {
        return values.getOrDefault("_command", fallback);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(values.getOrDefault(name, Integer.toString(fallback)));
    }

    double decimal(String name, double fallback) {
        return Double.parseDouble(values.getOrDefault(name, Double.toString(fallback)));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }
}
