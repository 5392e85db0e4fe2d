package dev.dealstream.processor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure local state that may hold uncommitted writes is never trusted after a crash.
 *
 * <p>Under exactly-once, Kafka Streams rebuilds a task's stores from their changelogs when the task has
 * no checkpoint file, which is meant to be the case after a crash. Kafka Streams 4.2.1 breaks that:
 * its state updater leaves the checkpoint written at the end of restoration in place while the task
 * runs (KAFKA-20685, fixed after 4.2.1), so after a crash the restarted task starts from local RocksDB
 * files that can contain writes of aborted transactions. We saw exactly that: a charge remembered as
 * decided whose balance change was lost. Until the fixed release can be used, this removes the task
 * checkpoints on start when the previous run did not stop cleanly, so Streams wipes and restores.
 */
public final class UncleanShutdownRecovery {

    private static final Logger log = LoggerFactory.getLogger(UncleanShutdownRecovery.class);
    private static final String CHECKPOINT = ".checkpoint";

    private final Path applicationStateDir;
    private final Path cleanStopMarker;

    public UncleanShutdownRecovery(Path stateDir, String applicationId) {
        this.applicationStateDir = stateDir.resolve(applicationId);
        this.cleanStopMarker = stateDir.resolve(applicationId + ".stopped-cleanly");
    }

    /**
     * Before the Streams client starts: if there is local state but the last run did not stop cleanly,
     * deletes every task checkpoint. Either way the marker is removed until the next clean stop.
     *
     * @return how many checkpoints were removed
     */
    public int beforeStart() {
        try {
            boolean stoppedCleanly = Files.deleteIfExists(cleanStopMarker);
            if (stoppedCleanly || !Files.isDirectory(applicationStateDir)) {
                return 0;
            }
            List<Path> checkpoints;
            try (Stream<Path> taskDirs = Files.list(applicationStateDir)) {
                checkpoints = taskDirs.map(taskDir -> taskDir.resolve(CHECKPOINT)).filter(Files::isRegularFile).toList();
            }
            for (Path checkpoint : checkpoints) {
                Files.delete(checkpoint);
            }
            if (!checkpoints.isEmpty()) {
                log.warn("The last run did not stop cleanly: local state of {} tasks will be rebuilt from the changelogs",
                        checkpoints.size());
            }
            return checkpoints.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the local state in " + applicationStateDir, e);
        }
    }

    /** After the Streams client closed cleanly (all work committed, checkpoints valid). */
    public void afterCleanStop() {
        try {
            Files.createDirectories(cleanStopMarker.getParent());
            Files.writeString(cleanStopMarker, "");
        } catch (IOException e) {
            log.warn("Could not record the clean stop; the next start will rebuild local state", e);
        }
    }
}
