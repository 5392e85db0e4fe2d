package dev.dealstream.processor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncleanShutdownRecoveryTest {

    @TempDir
    Path stateDir;

    @Test
    void removesTaskCheckpointsWhenTheLastRunDidNotStopCleanly() throws IOException {
        Path first = checkpointOf("0_1");
        Path second = checkpointOf("1_4");
        UncleanShutdownRecovery recovery = new UncleanShutdownRecovery(stateDir, "app");

        assertThat(recovery.beforeStart()).isEqualTo(2);

        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(first.getParent().resolve("rocksdb")).exists();
    }

    @Test
    void keepsCheckpointsAfterACleanStop() throws IOException {
        Path checkpoint = checkpointOf("0_1");
        UncleanShutdownRecovery recovery = new UncleanShutdownRecovery(stateDir, "app");
        recovery.afterCleanStop();

        assertThat(recovery.beforeStart()).isZero();

        assertThat(checkpoint).exists();
    }

    @Test
    void aCleanStopCountsOnceOnly() throws IOException {
        UncleanShutdownRecovery recovery = new UncleanShutdownRecovery(stateDir, "app");
        recovery.afterCleanStop();
        recovery.beforeStart();
        Path writtenWhileRunning = checkpointOf("0_1");

        assertThat(new UncleanShutdownRecovery(stateDir, "app").beforeStart()).isEqualTo(1);

        assertThat(writtenWhileRunning).doesNotExist();
    }

    @Test
    void firstStartHasNothingToDo() {
        assertThat(new UncleanShutdownRecovery(stateDir, "app").beforeStart()).isZero();
    }

    private Path checkpointOf(String task) throws IOException {
        Path taskDir = Files.createDirectories(stateDir.resolve("app").resolve(task));
        Files.createDirectories(taskDir.resolve("rocksdb"));
        return Files.writeString(taskDir.resolve(".checkpoint"), "0\n1\n");
    }
}
