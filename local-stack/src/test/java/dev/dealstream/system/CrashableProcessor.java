package dev.dealstream.system;

import dev.dealstream.local.ChildProcess;

/**
 * The one processor of a system test, in its own JVM on a port of its own, so that it can crash as a
 * real one does (SIGKILL: no close, no final commit) and be started again in its place.
 */
final class CrashableProcessor {

    private final SystemStack stack;
    private final String instanceId;
    private final int port;
    private ChildProcess process;

    /** Starts the processor; it is RUNNING when this returns. */
    CrashableProcessor(SystemStack stack, String instanceId) {
        this.stack = stack;
        this.instanceId = instanceId;
        this.port = SystemStack.freePort();
        this.process = stack.startProcessorProcess(instanceId, port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void kill() {
        process.kill();
    }

    /** Starts it again with the same instance id and port, as an operator's restart would. */
    void restart() {
        process = stack.startProcessorProcess(instanceId, port);
    }
}
