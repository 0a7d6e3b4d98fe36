package io.kanzen.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything written while it is open: {@code System.out}, {@code System.err} (where SLF4J's simple and console
 * bindings and Logback's console appender write) and every {@code java.util.logging} record (where
 * {@code System.Logger} goes by default) at every level, but for the loggers of the JDK and of the test peers
 * (the JDK HttpClient's and MockWebServer's debug logs quote whole request URIs: library internals a host runs at INFO).
 * The secrets contract reads it.
 */
final class ConsoleCapture implements AutoCloseable {
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<String> records = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private static final List<String> NOT_THE_PLUGINS =
            List.of("jdk.", "sun.", "java.", "javax.", "com.sun.", "okhttp3.", "mockwebserver3.", "org.junit.");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
            if (NOT_THE_PLUGINS.stream().anyMatch(logger::startsWith)) {
                return;
            }
            synchronized (records) {
                records.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    ConsoleCapture() {
        PrintStream both = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        root.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    String text() {
        synchronized (records) {
            return bytes.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", records);
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.removeHandler(handler);
        root.setLevel(rootLevel);
    }
}
