package dev.dealstream.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * An open-model load generator in the manner of wrk2: request i is due at start + i / rate whether or
 * not earlier ones have answered; a fixed set of persistent HTTP/1.1 connections sends them, and a
 * request waiting for a free connection is still timed from when it was due, so queueing anywhere
 * shows in the latency (no coordinated omission). One selector thread runs it all, so the generator
 * takes little of the CPU it shares with the system it measures.
 *
 * <p>The connections outlive a run: the warm-up opens them and the measured phase reuses them, so
 * setting up thousands of connections is part of the warm-up, not of the first seconds measured.
 */
final class OpenLoad implements AutoCloseable {

    /** One request to send: the request id its outcome will carry, and the raw HTTP/1.1 request. */
    record Call(String requestId, byte[] request) {
    }

    /** What a run measured. */
    static final class Result {
        final Latencies http = new Latencies();
        final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        /**
         * Requests that got no HTTP answer: the connection failed, or the run gave up while they were in
         * flight or still queued here unsent. Whether they reached the server is unknown.
         */
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        /**
         * The most calls that were due at once but waited for a free connection. A calm server keeps it
         * near zero; if it grows while the server idles, the connections bound the rate, not the server.
         */
        int peakWaitingForConnection;

        private void answered(String status, long dueNanos) {
            http.add((System.nanoTime() - dueNanos) / 1000);
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            answered.incrementAndGet();
        }
    }

    @FunctionalInterface
    interface DueListener {
        void due(String requestId, long dueNanos);
    }

    private record Due(Call call, long dueNanos) {
    }

    /** A complete answer: its status, and whether the server will close the connection after it. */
    private record Response(int status, boolean closeRequested) {
    }

    private final InetSocketAddress server;
    private final Selector selector;
    private final List<Connection> all = new ArrayList<>();

    OpenLoad(String host, int port, int connections) {
        this.server = new InetSocketAddress(host, port);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("load generator failed", e);
        }
        for (int c = 0; c < connections; c++) {
            all.add(new Connection());
        }
    }

    /** Raw bytes of one HTTP/1.1 request with a JSON body. */
    static byte[] request(String method, String host, String path, String body, String... headers) {
        StringBuilder text = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Content-Type: application/json\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        text.append("Content-Length: ").append(content.length).append("\r\n\r\n").append(body);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Offers {@code total} calls at {@code rate} per second, then waits (up to two minutes) for the last answers.
     *
     * @param dueAt called with each call's request id and due time (nanoTime) when it is sent; a call due
     *              but never sent (the run gave up first) is not reported
     */
    Result run(int rate, long total, LongFunction<Call> calls, DueListener dueAt) {
        Result result = new Result();
        ArrayDeque<Due> waiting = new ArrayDeque<>();
        try {
            // a connection the server closed between runs is dropped now (the next request opens a new one)
            selector.selectNow();
            handleReady(new ArrayDeque<>(), result);
            ArrayDeque<Connection> idle = new ArrayDeque<>(all);
            long start = System.nanoTime();
            double intervalNanos = 1e9 / rate;
            long next = 0;
            long giveUp = Long.MAX_VALUE;
            while (result.answered.get() < total && System.nanoTime() < giveUp) {
                long now = System.nanoTime();
                for (long due = start + (long) (next * intervalNanos); next < total && due <= now;
                     due = start + (long) (next * intervalNanos)) {
                    waiting.add(new Due(calls.apply(next++), due));
                }
                if (next == total && giveUp == Long.MAX_VALUE) {
                    giveUp = now + TimeUnit.MINUTES.toNanos(2);
                }
                while (!waiting.isEmpty() && !idle.isEmpty()) {
                    Due due = waiting.poll();
                    // told only now, so a call still unsent when the run gives up is not awaited as a decision
                    dueAt.due(due.call().requestId(), due.dueNanos());
                    result.sent.incrementAndGet();
                    Connection connection = idle.poll();
                    if (connection.send(due, result)) {
                        idle.add(connection);
                    }
                }
                result.peakWaitingForConnection = Math.max(result.peakWaitingForConnection, waiting.size());
                long untilNext = next < total ? start + (long) (next * intervalNanos) - System.nanoTime() : 10_000_000;
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNext)));
                handleReady(idle, result);
            }
            waiting.forEach(due -> result.unanswered.add(due.call().requestId()));
            // an answer still on its way must not be taken for the next run's
            all.stream().filter(connection -> connection.inFlight != null).forEach(connection -> connection.abandon(result));
        } catch (IOException e) {
            throw new UncheckedIOException("load generator failed", e);
        }
        return result;
    }

    private void handleReady(ArrayDeque<Connection> idle, Result result) {
        for (SelectionKey key : selector.selectedKeys()) {
            Connection connection = (Connection) key.attachment();
            if (connection.onReady(key, result)) {
                idle.add(connection);
            }
        }
        selector.selectedKeys().clear();
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /** One persistent connection: at most one request in flight, its answer parsed as it arrives. */
    private final class Connection {
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        // the answers measured here are small; thousands of connections each hold one buffer for the whole run
        private final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private Due inFlight;

        /**
         * Sends {@code due} at once, without waiting for the selector to report the socket writable; returns
         * true when the connection is free again (it failed). A connection stays registered for reads from
         * its first answer on, so a request costs no change of interest and no extra wake-up: at 5,000
         * requests/s those system calls were a quarter of this generator's CPU.
         */
        boolean send(Due due, Result result) {
            inFlight = due;
            out = ByteBuffer.wrap(due.call().request());
            in.clear();
            try {
                if (channel == null) {
                    channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                    channel.connect(server);
                } else {
                    writeOut();
                }
                return false;
            } catch (IOException e) {
                return fail(e, result);
            }
        }

        private void writeOut() throws IOException {
            channel.write(out);
            int interest = out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
            if (key.interestOps() != interest) {
                key.interestOps(interest);
            }
        }

        /** Handles readiness; returns true when the connection is free for the next request. */
        boolean onReady(SelectionKey ready, Result result) {
            try {
                if (ready.isConnectable() && channel.finishConnect()) {
                    writeOut();
                }
                if (ready.isValid() && ready.isWritable()) {
                    writeOut();
                }
                if (ready.isValid() && ready.isReadable()) {
                    if (channel.read(in) < 0) {
                        if (inFlight == null) {
                            // the server closed an idle connection; the next request opens a new one
                            channel.close();
                            channel = null;
                            return false;
                        }
                        throw new IOException("closed by the server");
                    }
                    Response response = completeResponse();
                    if (response == null && !in.hasRemaining()) {
                        throw new IOException("an answer larger than " + in.capacity() + " bytes");
                    }
                    if (response != null) {
                        Due done = inFlight;
                        inFlight = null;
                        result.answered(Integer.toString(response.status()), done.dueNanos());
                        if (response.closeRequested()) {
                            channel.close();
                            channel = null;
                        }
                        return true;
                    }
                }
                return false;
            } catch (IOException | RuntimeException e) {
                return fail(e, result);
            }
        }

        /** Closes the connection with its request unanswered (the run records it as such). */
        void abandon(Result result) {
            result.unanswered.add(inFlight.call().requestId());
            inFlight = null;
            closeQuietly();
        }

        private void closeQuietly() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the connection is given up either way
                }
            }
            channel = null;
        }

        private boolean fail(Exception e, Result result) {
            closeQuietly();
            if (inFlight != null) {
                result.unanswered.add(inFlight.call().requestId());
                result.answered("error:" + e.getClass().getSimpleName(), inFlight.dueNanos());
                inFlight = null;
            }
            return true;
        }

        /** The whole response once it is in the buffer, else null. */
        private Response completeResponse() {
            String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            int headersEnd = text.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                return null;
            }
            String headers = text.substring(0, headersEnd).toLowerCase();
            int length = headers.indexOf("content-length:");
            boolean complete;
            if (length >= 0) {
                int end = headers.indexOf("\r\n", length);
                long contentLength = Long.parseLong(headers.substring(length + 15, end < 0 ? headers.length() : end).trim());
                complete = text.length() >= headersEnd + 4 + contentLength;
            } else if (headers.contains("transfer-encoding: chunked")) {
                complete = text.endsWith("0\r\n\r\n");
            } else {
                complete = true;
            }
            return complete
                    ? new Response(Integer.parseInt(text.substring(9, 12)), headers.contains("\r\nconnection: close"))
                    : null;
        }
    }
}
