package io.kanzen.core.internal.library;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.InvalidSettingException;
import io.kanzen.core.Library;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.internal.storage.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows of {@code library}, {@code series} and {@code volume_file}. */
public final class LibraryStore {
    private final Database db;

    public LibraryStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    public Library add(String name, Path root, Instant now) {
        return add(name, root, now, false);
    }

    public Library add(String name, Path root, Instant now, boolean chapterBased) {
        checkName(name);
        Path real = real(root);
        String rootText = real.toString();
        return db.write(c -> {
            checkFree(c, name, real, -1);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO library (name, root_path, created_at, chapter_based) VALUES (?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, name.strip());
                s.setString(2, rootText);
                s.setString(3, now.toString());
                s.setBoolean(4, chapterBased);
                s.executeUpdate();
                try (ResultSet k = s.getGeneratedKeys()) {
                    k.next();
                    return new Library(k.getLong(1), name.strip(), Path.of(rootText), null, chapterBased);
                }
            }
        });
    }

    /**
     * Renames a library, points it at another folder or changes whether it holds chapters. Its series, their
     * settings and the files scanned stay (file paths are kept relative to the root, so a moved collection is
     * found again at the next scan); when the chapter rule changes, every file is read again at the next scan.
     *
     * @return the library as it is now, or empty when none has that name
     */
    public Optional<Library> update(String name, String newName, Path root, boolean chapterBased) {
        checkName(newName);
        Path real = real(root);
        String rootText = real.toString();
        return db.write(c -> {
            Library current = all(c).stream().filter(l -> l.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
            if (current == null) {
                return Optional.<Library>empty();
            }
            checkFree(c, newName, real, current.id());
            try (PreparedStatement s = c.prepareStatement("UPDATE library SET name = ?, root_path = ?, chapter_based = ? WHERE id = ?")) {
                s.setString(1, newName.strip());
                s.setString(2, rootText);
                s.setBoolean(3, chapterBased);
                s.setLong(4, current.id());
                s.executeUpdate();
            }
            if (current.chapterBased() != chapterBased) {
                // a bare number changes meaning (volume or chapter): the next scan parses every file again
                try (PreparedStatement s = c.prepareStatement("UPDATE volume_file SET modified_ms = -1 WHERE library_id = ?")) {
                    s.setLong(1, current.id());
                    s.executeUpdate();
                }
            }
            if (current.chapterBased() != chapterBased || !real(current.root()).equals(real)) {
                // the next scan lists every folder again (V21): the files' new reading, or another folder's entries
                try (PreparedStatement s = c.prepareStatement("DELETE FROM scanned_folder WHERE library_id = ?")) {
                    s.setLong(1, current.id());
                    s.executeUpdate();
                }
            }
            return Optional.of(new Library(current.id(), newName.strip(), Path.of(rootText), current.lastScan(), chapterBased));
        });
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidSettingException("name", "library.nameMissing", Map.of(), "a library needs a name");
        }
        if (name.strip().length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSettingException("name", "library.nameInvalid", Map.of(), "a library name is at most 100 characters, without control characters");
        }
    }

    /** Refuses a name or folder taken by another library than {@code selfId}, and a folder inside or around one. */
    private static void checkFree(Connection c, String name, Path real, long selfId) throws SQLException {
        String rootText = real.toString();
        for (Library l : all(c)) {
            if (l.id() == selfId) {
                continue;
            }
            if (l.name().equalsIgnoreCase(name.strip())) {
                throw new InvalidSettingException("name", "library.exists", Map.of("name", l.name()), "a library named '" + l.name() + "' already exists");
            }
            Path other = real(l.root());
            if (other.equals(real)) {
                throw new InvalidSettingException("path", "library.sameFolder", Map.of("path", rootText, "name", l.name()), "the folder " + rootText + " is already the library '" + l.name() + "'");
            }
            if (real.startsWith(other) || other.startsWith(real)) {
                // a file would belong to two libraries: counted twice, imported into either
                throw new InvalidSettingException("path", "library.overlaps", Map.of("path", rootText, "name", l.name()), "the folder " + rootText + " overlaps the library '" + l.name() + "' (" + other
                        + "): libraries may not contain one another");
            }
        }
    }

    /** Removes a library and what was scanned of it (series, files, their monitor settings); the folder is not touched. */
    public boolean remove(String name) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM library WHERE name = ? COLLATE NOCASE")) {
                s.setString(1, name.strip());
                return s.executeUpdate() > 0;
            }
        });
    }

    /** The folder with links resolved, so that two spellings of one folder are seen as one. */
    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath().normalize(); // a library whose disk is not mounted now
        }
    }

    public List<Library> all() {
        return db.read(LibraryStore::all);
    }

    private static List<Library> all(Connection c) throws SQLException {
        List<Library> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, name, root_path, last_scan_at, chapter_based FROM library ORDER BY name");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String last = r.getString(4);
                out.add(new Library(r.getLong(1), r.getString(2), Path.of(r.getString(3)), last == null ? null : Instant.parse(last),
                        r.getBoolean(5)));
            }
        }
        return out;
    }

    public Optional<Library> byName(String name) {
        return all().stream().filter(l -> l.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** Records when a library was scanned, inside the scan's own write transaction. */
    static int markScanned(Connection c, long libraryId, Instant when) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE library SET last_scan_at = ? WHERE id = ?")) {
            s.setString(1, when.toString());
            s.setLong(2, libraryId);
            return s.executeUpdate();
        }
    }

    /** A file row as the scanner needs it to decide whether a file changed. */
    record StoredFile(long id, long seriesId, long size, long modifiedMs, boolean numbered) {}

    /** A series row. */
    record StoredSeries(long id, String title, String key) {}

    Map<String, StoredFile> files(long libraryId) {
        return db.read(c -> {
            Map<String, StoredFile> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, series_id, path, size, modified_ms, volume_from IS NOT NULL OR chapter_from IS NOT NULL OR special = 1 "
                            + "FROM volume_file WHERE library_id = ?")) {
                s.setLong(1, libraryId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(3), new StoredFile(r.getLong(1), r.getLong(2), r.getLong(4), r.getLong(5), r.getBoolean(6)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The files directly inside the given folders ("" is the root), by path: what a scan compares a folder's new
     * listing with. One range of the (library, path) index per folder; the root's loose files are a scan of paths.
     */
    Map<String, StoredFile> filesIn(long libraryId, java.util.Collection<String> folders) {
        return db.read(c -> {
            Map<String, StoredFile> out = new HashMap<>();
            String columns = "SELECT id, series_id, path, size, modified_ms, volume_from IS NOT NULL OR chapter_from IS NOT NULL OR special = 1 "
                    + "FROM volume_file WHERE library_id = ? AND ";
            try (PreparedStatement under = c.prepareStatement(columns + "path >= ? AND path < ?");
                    PreparedStatement loose = c.prepareStatement(columns + "instr(path, '/') = 0")) {
                for (String folder : folders) {
                    PreparedStatement s = folder.isEmpty() ? loose : under;
                    s.setLong(1, libraryId);
                    if (!folder.isEmpty()) {
                        s.setString(2, folder + "/");
                        s.setString(3, folder + "0"); // '0' follows '/': the range holds exactly the paths under folder/
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            String path = r.getString(3);
                            if (ScannedFolders.parentOf(path).equals(folder)) {
                                out.put(path, new StoredFile(r.getLong(1), r.getLong(2), r.getLong(4), r.getLong(5), r.getBoolean(6)));
                            }
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Whether a scan has recorded any file of the library yet. */
    boolean hasFiles(long libraryId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM volume_file WHERE library_id = ? LIMIT 1")) {
                s.setLong(1, libraryId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** The paths of the files with no volume, chapter or special (the partial index of V21 holds just those). */
    List<String> unnumbered(long libraryId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT path FROM volume_file WHERE library_id = ? "
                    + "AND volume_from IS NULL AND chapter_from IS NULL AND special = 0")) {
                s.setLong(1, libraryId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Series of a library by title key, read inside the scanner's write transaction. */
    static Map<String, StoredSeries> series(Connection c, long libraryId) throws SQLException {
        Map<String, StoredSeries> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, title, title_key FROM series WHERE library_id = ?")) {
            s.setLong(1, libraryId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(3), new StoredSeries(r.getLong(1), r.getString(2), r.getString(3)));
                }
            }
        }
        return out;
    }

    /** The statement {@link #insertSeries(PreparedStatement, long, String, String, String)} runs, prepared once per scan. */
    static PreparedStatement insertSeries(Connection c) throws SQLException {
        // A series another scan made meanwhile (a command line scanning beside the server; a first scan commits series
        // by series) is taken as it is: its id is returned, its title and folder left alone.
        return c.prepareStatement("INSERT INTO series (library_id, title, title_key, folder) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (library_id, title_key) DO UPDATE SET title_key = excluded.title_key RETURNING id");
    }

    /** The id of the library's series of that key, made with that title and folder if there is none. */
    static long insertSeries(PreparedStatement s, long libraryId, String title, String key, String folder) throws SQLException {
        s.setLong(1, libraryId);
        s.setString(2, title);
        s.setString(3, key);
        s.setString(4, folder);
        try (ResultSet k = s.executeQuery()) {
            k.next();
            return k.getLong(1);
        }
    }

    static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.REAL);
        } else {
            s.setDouble(index, value);
        }
    }

    /** Every series with its owned volumes merged into ranges, ordered by library then title. */
    public List<SeriesSummary> summaries() {
        return db.read(c -> {
            Map<Long, SeriesSummary> byId = new LinkedHashMap<>();
            Map<Long, List<VolumeRange>> volumes = new HashMap<>();
            Map<Long, Integer> counts = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT s.id, l.name, s.title, s.folder FROM series s JOIN library l ON l.id = s.library_id "
                            + "ORDER BY l.name, s.title COLLATE NOCASE");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byId.put(r.getLong(1), new SeriesSummary(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), 0, List.of()));
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT series_id, volume_from, volume_to, special FROM volume_file");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    counts.merge(id, 1, Integer::sum);
                    double from = r.getDouble(2);
                    if (!r.wasNull() && !r.getBoolean(4)) {
                        volumes.computeIfAbsent(id, k -> new ArrayList<>()).add(VolumeRange.of(from, r.getDouble(3)));
                    }
                }
            }
            List<SeriesSummary> out = new ArrayList<>(byId.size());
            for (SeriesSummary s : byId.values()) {
                out.add(new SeriesSummary(s.id(), s.library(), s.title(), s.folder(), counts.getOrDefault(s.id(), 0),
                        VolumeRanges.merge(volumes.getOrDefault(s.id(), List.of()))));
            }
            return out;
        });
    }

    /**
     * What one volume of a series weighs on disk: the median size of its single-volume files, or empty with fewer than
     * two of them (one file says too little). The decision engine sharpens its size limits with it.
     */
    public java.util.OptionalLong typicalVolumeBytes(long seriesId) {
        return db.read(c -> {
            List<Long> sizes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT size FROM volume_file WHERE series_id = ? AND special = 0 "
                    + "AND volume_from IS NOT NULL AND volume_to = volume_from AND size > 0 ORDER BY size")) {
                s.setLong(1, seriesId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sizes.add(r.getLong(1));
                    }
                }
            }
            return sizes.size() < 2 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(sizes.get(sizes.size() / 2));
        });
    }

    /** A single-volume file of a series: its path under the library root and its volume. */
    public record VolumeFile(String path, double volume) {}

    /** The files of a series that hold one whole volume each, highest volume first (how the series names its files). */
    public List<VolumeFile> singleVolumeFiles(long seriesId) {
        return db.read(c -> {
            List<VolumeFile> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT path, volume_from FROM volume_file WHERE series_id = ? AND special = 0 "
                    + "AND volume_from IS NOT NULL AND volume_from = volume_to ORDER BY volume_from DESC")) {
                s.setLong(1, seriesId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new VolumeFile(r.getString(1), r.getDouble(2)));
                    }
                }
            }
            return out;
        });
    }
}
