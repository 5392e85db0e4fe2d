package dev.dealstream.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Where a benchmark ran: commit, JDK and machine, for the record in docs/benchmarks.md. */
record BenchmarkEnvironment(String commit, String jdk, String machine) {

    static BenchmarkEnvironment current() {
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
        String machine = Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memoryGiB() + " GiB, Linux " + System.getProperty("os.version");
        return new BenchmarkEnvironment(gitCommit(), jdk, machine);
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String commit = new String(git.getInputStream().readAllBytes()).trim();
            // docs/ excluded: the benchmark appends its own result there
            boolean dirty = new ProcessBuilder("git", "diff", "--quiet", "HEAD", "--", ".", ":(exclude)docs")
                    .start().waitFor() != 0;
            git.waitFor(5, TimeUnit.SECONDS);
            return commit + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static long memoryGiB() {
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
            return Math.round(Long.parseLong(total) / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
