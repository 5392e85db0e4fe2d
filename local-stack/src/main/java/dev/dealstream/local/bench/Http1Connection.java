package dev.dealstream.local.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection that sends a request and reads the whole answer, like each of
 * wrk's connections. Deliberately small: the load generator shares the two cores with the system it
 * measures, and the JDK HttpClient costs several times more CPU per request.
 */
final class Http1Connection implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    Http1Connection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends the request (reconnecting if the server closed the connection) and returns the status code. */
    int send(byte[] request) throws IOException {
        try {
            return exchange(request);
        } catch (IOException closedByServer) {
            close();
            return exchange(request);
        }
    }

    private int exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        out.write(request);
        out.flush();
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
            String value = header.substring(header.indexOf(':') + 1).trim();
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine().trim(), 16); size > 0; size = Long.parseLong(readLine().trim(), 16)) {
                skip(size);
                readLine();
            }
            readLine();
        } else if (contentLength > 0) {
            skip(contentLength);
        }
        if (close) {
            close();
        }
        return status;
    }

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

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    throw new IOException("connection closed");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
