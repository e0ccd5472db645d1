package com.iduscore.proxy.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code exchanges.jsonl}: the proxy's recording, one {@link RecordedExchange} as one JSON object per line, appended as
 * exchanges finish. {@link #read} is the one reader (the shape check uses it); a line that is not an exchange is an
 * error naming its line number.
 */
public final class ExchangeRecording implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BufferedWriter out;

    private ExchangeRecording(BufferedWriter out) {
        this.out = out;
    }

    /** Opens (creating or truncating) a recording for appending. */
    public static ExchangeRecording create(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return new ExchangeRecording(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    public synchronized void append(RecordedExchange exchange) {
        try {
            out.write(JSON.writeValueAsString(exchange));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Reads a whole recording; blank lines are skipped. */
    public static List<RecordedExchange> read(Path file) throws IOException {
        List<RecordedExchange> exchanges = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    exchanges.add(JSON.readValue(line, RecordedExchange.class));
                } catch (JsonProcessingException e) {
                    throw new IOException(file + " line " + number + " is not a recorded exchange: " + e.getOriginalMessage(), e);
                }
            }
        }
        return exchanges;
    }
}
