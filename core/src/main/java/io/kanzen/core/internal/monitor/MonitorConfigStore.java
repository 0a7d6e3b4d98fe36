package io.kanzen.core.internal.monitor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.internal.storage.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code data/missing_monitor_config.json}: read at each use, so a hand edit takes effect. Every good version
 * (saved, or a valid hand edit) is also kept in {@code missing_monitor_config.last-good.json}, so that damage to
 * the file (a bad edit, a half-copied backup) never silently brings back defaults: an invalid file is reported and
 * the last good settings stay in force, even across a restart. With no good copy at all, automatic downloads are
 * paused until the settings are saved again. Both files are written to a temporary file and moved.
 */
public final class MonitorConfigStore {
    public static final String FILE = "missing_monitor_config.json";
    public static final String LAST_GOOD = "missing_monitor_config.last-good.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Path file;
    private final Path lastGoodFile;
    /** The last good settings known, or null before any was read. */
    private MonitorConfig lastGood;
    /** What the last-good copy holds, so that a valid file is copied only when it changed. */
    private MonitorConfig copied;
    private String problem;

    public MonitorConfigStore(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
        this.lastGoodFile = dataDirectory.resolve(LAST_GOOD);
    }

    /** The settings in force: the file's, or the last good ones when the file is invalid. */
    public synchronized MonitorConfig current() {
        if (!Files.exists(file)) {
            MonitorConfig kept = lastGoodOrNull();
            if (kept == null) {
                problem = null;
                return MonitorConfig.DEFAULTS; // first start: automatic downloads off until the user turns them on
            }
            problem = "the monitor settings file " + FILE + " is missing; the last good settings stay in force (save the settings to write it again)";
            return kept;
        }
        MonitorConfig read;
        try {
            read = JSON.readValue(file.toFile(), MonitorConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            String why = "the monitor settings in " + FILE + " are invalid (" + firstLine(e) + ")";
            MonitorConfig kept = lastGoodOrNull();
            if (kept != null) {
                problem = why + "; the last good settings stay in force";
                return kept;
            }
            problem = why + " and no good copy exists: automatic downloads are paused until the settings are saved again";
            return paused(MonitorConfig.DEFAULTS);
        }
        lastGood = read;
        problem = null;
        if (!read.equals(copied)) {
            try {
                writeAtomically(lastGoodFile, read); // a valid hand edit is good too
                copied = read;
            } catch (KanzenException e) {
                problem = "the settings are in force but their last-good copy cannot be written: " + e.getMessage();
            }
        }
        return read;
    }

    /** Why the file was not taken, or null when it was. */
    public synchronized String problem() {
        current();
        return problem;
    }

    public synchronized void save(MonitorConfig config) {
        writeAtomically(file, config);
        writeAtomically(lastGoodFile, config);
        lastGood = config;
        copied = config;
        problem = null;
    }

    private MonitorConfig lastGoodOrNull() {
        if (lastGood != null) {
            return lastGood;
        }
        if (!Files.exists(lastGoodFile)) {
            return null;
        }
        try {
            lastGood = JSON.readValue(lastGoodFile.toFile(), MonitorConfig.class);
            copied = lastGood;
            return lastGood;
        } catch (IOException | IllegalArgumentException e) {
            return null; // the copy is damaged too: treated as none
        }
    }

    private static MonitorConfig paused(MonitorConfig c) {
        return new MonitorConfig(c.enabled(), c.checkInterval(), c.autoSearch(), false, c.sources(), c.preferredClient(), c.edition(),
                c.language(), c.formats(), c.allowOwnedOverlap(), c.minScore(), c.metadataMaxAgeHours(), c.acceptUntagged());
    }

    private static void writeAtomically(Path target, MonitorConfig config) {
        try {
            PrivateFiles.writeAtomically(target, JSON.writeValueAsBytes(config));
        } catch (IOException e) {
            throw new KanzenException("cannot write " + target + ": " + e.getMessage(), e);
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
