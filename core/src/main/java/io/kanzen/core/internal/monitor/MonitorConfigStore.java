package io.kanzen.core.internal.monitor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code data/missing_monitor_config.json}: read at each use, so a hand edit takes effect; an invalid file is
 * reported (the problem is kept for the UI) and the last good settings stay in force. Written to a temporary
 * file and moved, so a crash never leaves half a file.
 */
public final class MonitorConfigStore {
    public static final String FILE = "missing_monitor_config.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Path file;
    private MonitorConfig lastGood = MonitorConfig.DEFAULTS;
    private String problem;

    public MonitorConfigStore(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
    }

    /** The settings in force: the file's, or the last good ones when the file is invalid. */
    public synchronized MonitorConfig current() {
        if (!Files.exists(file)) {
            problem = null;
            return lastGood;
        }
        try {
            lastGood = JSON.readValue(file.toFile(), MonitorConfig.class);
            problem = null;
        } catch (IOException | IllegalArgumentException e) {
            problem = "the monitor settings in " + file.getFileName() + " are invalid (" + firstLine(e) + "); the last good settings stay in force";
        }
        return lastGood;
    }

    /** Why the file was not taken, or null when it was. */
    public synchronized String problem() {
        current();
        return problem;
    }

    public synchronized void save(MonitorConfig config) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "monitor", ".tmp");
            JSON.writeValue(tmp.toFile(), config);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastGood = config;
            problem = null;
        } catch (IOException e) {
            throw new KanzenException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
