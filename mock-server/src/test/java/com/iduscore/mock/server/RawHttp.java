package com.iduscore.mock.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A bare HTTP/1.1 client on a socket, for the requests {@code java.net.http} refuses to send (control characters in
 * headers, unknown versions, raw {@code ../}, broken framing). It writes the bytes it is given as they are, reads one
 * response (skipping {@code 1xx}), and keeps the connection for the next request until either side says close.
 */
final class RawHttp implements AutoCloseable {
    private static final int TIMEOUT_MS = 15_000;

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(int port) {
        this.port = port;
    }

    /** One response, header names in lower case, body already un-gzipped. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A fresh connection for one request; closed after the response. */
    static Response once(int port, String request) throws IOException {
        return once(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Response once(int port, byte[] request) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            return http.send(request, false, true);
        }
    }

    /**
     * Sends {@code request} and reads the answer.
     *
     * @param noBody the request was a HEAD, whose answer has headers only
     * @param fresh  open a new connection for this request and close it after
     */
    Response send(byte[] request, boolean noBody, boolean fresh) throws IOException {
        if (fresh) {
            close();
        }
        boolean reused = socket != null;
        if (!reused) {
            open();
        }
        try {
            out.write(request);
            out.flush();
            return read(noBody, fresh);
        } catch (EOFException | java.net.SocketException closedWhileIdle) {
            if (!reused) {
                throw closedWhileIdle;
            }
            // the server had closed the kept-alive connection before this request: send it once more, on a new one
            close();
            open();
            out.write(request);
            out.flush();
            return read(noBody, fresh);
        }
    }

    private Response read(boolean noBody, boolean fresh) throws IOException {
        Response response;
        do {
            response = readOne(noBody);
        } while (response.status() >= 100 && response.status() < 200);
        String connection = response.header("connection");
        if (fresh || connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            close();
        }
        return response;
    }

    private Response readOne(boolean noBody) throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> transfer = headers.get("transfer-encoding");
        if (noBody || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (transfer != null && transfer.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else {
            body = in.readAllBytes();
            close();
        }
        List<String> encoding = headers.get("content-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("gzip") && body.length > 0) {
            body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers: none expected, none kept
        }
        return body.toByteArray();
    }

    /** A line up to CRLF (or LF), in ISO-8859-1, without the terminator. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("Connection closed after " + line.size() + " bytes of a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private void open() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
            socket = null;
        }
    }
}
