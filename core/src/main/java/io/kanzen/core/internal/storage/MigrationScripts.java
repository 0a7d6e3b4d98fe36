package io.kanzen.core.internal.storage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Tells, without starting Flyway, whether a database already has every migration this build ships: the highest
 * version among the {@code db/migration/V<n>__*.sql} scripts is applied, with no failed one. When it cannot tell
 * (no history table, scripts not found, any error), it says no and Flyway runs as always.
 */
final class MigrationScripts {
    private static final Pattern SCRIPT = Pattern.compile("(?:^|/)db/migration/V(\\d+)__[^/]*\\.sql$");
    private static volatile OptionalInt latest;

    private MigrationScripts() {}

    static boolean isCurrent(DataSource dataSource) {
        OptionalInt shipped = latestShipped();
        if (shipped.isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT max(CAST(version AS INTEGER)), sum(success = 0) FROM flyway_schema_history")) {
            return r.next() && r.getInt(1) == shipped.getAsInt() && r.getInt(2) == 0;
        } catch (SQLException e) {
            return false; // a new file has no history table yet
        }
    }

    /** The highest script version on the class path, read once per process. */
    static OptionalInt latestShipped() {
        OptionalInt known = latest;
        if (known == null) {
            known = scan();
            latest = known;
        }
        return known;
    }

    private static OptionalInt scan() {
        URL dir = MigrationScripts.class.getClassLoader().getResource("db/migration");
        if (dir == null) {
            return OptionalInt.empty();
        }
        int max = -1;
        try {
            if (dir.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        max = Math.max(max, version("db/migration/" + f.getFileName()));
                    }
                }
            } else if (dir.getProtocol().equals("jar")) {
                String spec = dir.getPath(); // file:/x/kanzen.jar!/db/migration
                String jarPath = spec.substring("file:".length(), spec.indexOf("!/"));
                try (JarFile jar = new JarFile(Path.of(new java.net.URI("file:" + jarPath)).toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        String name = e.nextElement().getName();
                        if (name.startsWith("db/migration/V")) { // the JAR holds ~9,000 entries: no pattern search in each
                            max = Math.max(max, version(name));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return OptionalInt.empty();
        }
        return max < 0 ? OptionalInt.empty() : OptionalInt.of(max);
    }

    private static int version(String path) {
        Matcher m = SCRIPT.matcher(path);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
