package io.kanzen.core.internal.library;

import io.kanzen.api.ParsedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scan's {@code volume_file} rows inside a write transaction, creating the series they name. Keeps the
 * series it knows (read from the database at its first use, then those it creates), so that a first scan writing
 * its rows in several transactions looks its series up once.
 */
final class VolumeFileRows {
    private final long libraryId;
    private final boolean onlyNew;
    private Map<String, Long> seriesIds;
    private final Map<String, String> keysByTitle = new HashMap<>();

    /** Rows that replace what is stored under their path. */
    VolumeFileRows(long libraryId) {
        this(libraryId, false);
    }

    /**
     * @param onlyNew the rows of a first scan: a row already stored under the path (another scan of the same file
     *     meanwhile) is left as it is rather than replaced, which spares SQLite the update path of the upsert (a
     *     sixth less processor time per row)
     */
    VolumeFileRows(long libraryId, boolean onlyNew) {
        this.libraryId = libraryId;
        this.onlyNew = onlyNew;
    }

    /**
     * Upserts the rows of {@code files}, in the order given (path order makes the {@code (library_id, path)} index
     * grow at its end instead of taking rows all over the tree), each under the series its title names.
     */
    void write(Connection c, List<ParsedFile> files) throws SQLException {
        if (files.isEmpty()) {
            return;
        }
        if (seriesIds == null) {
            seriesIds = new HashMap<>();
            LibraryStore.series(c, libraryId).forEach((k, s) -> seriesIds.put(k, s.id()));
        }
        try (FileRows rows = new FileRows(c, libraryId, onlyNew); PreparedStatement insertSeries = LibraryStore.insertSeries(c)) {
            for (ParsedFile p : files) {
                String key = seriesKey(p);
                Long seriesId = seriesIds.get(key);
                if (seriesId == null) {
                    seriesId = LibraryStore.insertSeries(insertSeries, libraryId, p.seriesTitle(), key, p.file().series());
                    seriesIds.put(key, seriesId);
                }
                rows.add(seriesId, p.file(), p.name());
            }
            rows.write();
        }
    }

    /** The key of the series a file belongs to (a folder's files share their title: one key made per folder). */
    String seriesKey(ParsedFile p) {
        return keysByTitle.computeIfAbsent(p.seriesTitle(), TitleKey::of);
    }

    /**
     * The upsert of {@code volume_file} rows, in batches of one statement per shape of row: a column with no value
     * is left to its default rather than bound, and a single volume or chapter binds its number once for both ends.
     * A first scan binds about 6 values per row instead of 13 (each is a call into the driver's native code).
     */
    private static final class FileRows implements AutoCloseable {
        private final Connection c;
        private final long libraryId;
        /** By shape; in the order first met, each batch in path order. */
        private final Map<Integer, PreparedStatement> statements = new LinkedHashMap<>();

        private final boolean onlyNew;

        FileRows(Connection c, long libraryId, boolean onlyNew) {
            this.onlyNew = onlyNew;
            this.c = c;
            this.libraryId = libraryId;
        }

        void add(long seriesId, SeenFile file, ParsedName n) throws SQLException {
            int shape = shape(n);
            PreparedStatement s = statements.get(shape);
            if (s == null) {
                s = c.prepareStatement(sql(shape, onlyNew));
                statements.put(shape, s);
            }
            s.setLong(1, libraryId);
            s.setLong(2, seriesId);
            s.setString(3, file.path());
            s.setLong(4, file.size());
            s.setLong(5, file.modifiedMs());
            int i = 6;
            if (n.volume() != null) {
                s.setDouble(i++, n.volume().from());
                if (!n.volume().isSingle()) {
                    s.setDouble(i++, n.volume().to());
                }
            }
            if (n.chapter() != null) {
                s.setDouble(i++, n.chapter().from());
                if (!n.chapter().isSingle()) {
                    s.setDouble(i++, n.chapter().to());
                }
            }
            if (n.special()) {
                s.setBoolean(i++, true);
            }
            for (String text : new String[] {n.language(), n.edition(), n.format()}) {
                if (text != null) {
                    s.setString(i++, text);
                }
            }
            s.addBatch();
        }

        void write() throws SQLException {
            for (PreparedStatement s : statements.values()) {
                s.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
        }

        /** Which values a row has: bits for volume, a volume range, chapter, a chapter range, special, language, edition, format. */
        private static int shape(ParsedName n) {
            int shape = 0;
            if (n.volume() != null) {
                shape |= n.volume().isSingle() ? 1 : 3;
            }
            if (n.chapter() != null) {
                shape |= n.chapter().isSingle() ? 4 : 12;
            }
            shape |= n.special() ? 16 : 0;
            shape |= n.language() != null ? 32 : 0;
            shape |= n.edition() != null ? 64 : 0;
            shape |= n.format() != null ? 128 : 0;
            return shape;
        }

        /**
         * The statement for a shape: numbered parameters, {@code ?6} for the first optional value. Every column is set
         * on conflict, to {@code excluded}'s value, which is the column's default (NULL, or 0 for special) when absent;
         * or none, for {@code onlyNew} rows.
         */
        private static String sql(int shape, boolean onlyNew) {
            StringBuilder columns = new StringBuilder("library_id, series_id, path, size, modified_ms");
            StringBuilder values = new StringBuilder("?1, ?2, ?3, ?4, ?5");
            int next = 6;
            if ((shape & 1) != 0) {
                int from = next++;
                int to = (shape & 2) != 0 ? next++ : from;
                columns.append(", volume_from, volume_to");
                values.append(", ?").append(from).append(", ?").append(to);
            }
            if ((shape & 4) != 0) {
                int from = next++;
                int to = (shape & 8) != 0 ? next++ : from;
                columns.append(", chapter_from, chapter_to");
                values.append(", ?").append(from).append(", ?").append(to);
            }
            String[] names = {"special", "language", "edition", "format"};
            for (int bit = 0; bit < names.length; bit++) {
                if ((shape & (16 << bit)) != 0) {
                    columns.append(", ").append(names[bit]);
                    values.append(", ?").append(next++);
                }
            }
            String insert = "INSERT INTO volume_file (" + columns + ") VALUES (" + values + ") ";
            if (onlyNew) {
                return insert + "ON CONFLICT (library_id, path) DO NOTHING";
            }
            return insert + "ON CONFLICT (library_id, path) DO UPDATE SET series_id = excluded.series_id, size = excluded.size, "
                    + "modified_ms = excluded.modified_ms, volume_from = excluded.volume_from, volume_to = excluded.volume_to, "
                    + "chapter_from = excluded.chapter_from, chapter_to = excluded.chapter_to, special = excluded.special, "
                    + "language = excluded.language, format = excluded.format, edition = excluded.edition";
        }
    }
}
