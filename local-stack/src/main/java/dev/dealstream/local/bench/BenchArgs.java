package dev.dealstream.local.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A benchmark command's {@code --name=value} and {@code --flag} options, each read with its default. */
final class BenchArgs {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final String commandLine;

    BenchArgs(String command, String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg);
            }
            int equals = arg.indexOf('=');
            values.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
        }
        this.commandLine = ("./bench.sh " + command + " " + String.join(" ", args)).trim();
    }

    int integer(String name, int fallback) {
        read.add(name);
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    String text(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    /** Refuses options that no {@code integer}, {@code text} or {@code flag} call asked for. */
    void rejectUnknown() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown + "; known: " + read);
        }
    }

    /** The command as typed, for the record. */
    String commandLine() {
        return commandLine;
    }
}
