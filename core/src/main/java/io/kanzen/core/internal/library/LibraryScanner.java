package io.kanzen.core.internal.library;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.core.Library;
import io.kanzen.core.ScanProblem;
import io.kanzen.core.ScanReport;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a library folder into the database. Each sub-folder of the root is a series (files in deeper folders
 * belong to it too); loose files at the root are grouped by the series their names give. A folder that cannot be
 * read keeps its rows, so an unmounted disk or a permission slip never empties the library.
 *
 * <p>What a re-scan skips (issue 16): a folder whose {@link FolderStamp} is the one recorded when it was last listed
 * has the same entries, so it is not listed again and its files are not stat'ed; only its known sub-folders are
 * stat'ed, in case something changed deeper. In a folder that is listed, a file whose size and modification time did
 * not change is not parsed again nor rewritten. A file <em>written in place</em> under the same name changes its own
 * times, not its folder's: in a folder not listed, it keeps its recorded size until the folder changes or a full
 * scan ({@code full}) runs. That is a choice: what a scan reads from a file is its name (the volume, language,
 * edition) and its size (what a volume of the series weighs, for the decision engine's size limits); the name is the
 * folder's entry, so only a size can be stale, and most programs replace a file by writing a new one and renaming it
 * over the old, which does change the folder. Folders with a problem, or modified in the last seconds, are listed
 * every time (see {@link FolderStamp#SETTLE_NANOS}).
 */
public final class LibraryScanner {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryScanner.class);
    /** Above this many folders to compare, all the library's rows are read at once rather than folder by folder. */
    private static final int FOLDERS_READ_ONE_BY_ONE = 200;
    /** Above this many names to read, they are parsed on every core. */
    private static final int PARSE_IN_PARALLEL = 2_000;

    private final LibraryStore store;
    private final ScannedFolders folders;
    private final SeriesFolderReading reading;
    private final Clock clock;

    public LibraryScanner(LibraryStore store, NameParser parser, Clock clock) {
        this.store = store;
        this.folders = new ScannedFolders(store.database());
        this.reading = new SeriesFolderReading(parser);
        this.clock = clock;
    }

    /** A volume file seen on disk. {@code series} is its series folder, or null for a loose file at the root. */
    private record Seen(String path, String fileName, String series, long size, long modifiedMs) {}

    /** A file to (re)write, parsed. */
    private record Pending(Seen file, ParsedName name) {}

    private static final java.util.Comparator<Pending> BY_PATH = (a, b) -> a.file().path().compareTo(b.file().path());

    /** A scan that trusts unchanged folders. */
    public ScanReport scan(Library library) {
        return scan(library, false);
    }

    /**
     * @param full list every folder, stat every file and read every name again, whatever was recorded: for files
     *     written in place, or names a newer parser reads better
     */
    public ScanReport scan(Library library, boolean full) {
        long start = System.nanoTime();
        Path root = library.root();
        List<ScanProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(new ScanProblem(ScanProblem.Kind.MISSING_FOLDER, root.toString(),
                    "the library folder is missing or is not a folder; nothing was removed"));
            return new ScanReport(library.name(), 0, 0, 0, 0, 0, 0, 0, problems, Duration.ofNanos(System.nanoTime() - start));
        }
        Map<String, ScannedFolders.Folder> recorded = folders.of(library.id());
        // Every name is to be read when the library has no rows yet or the scan is full: the names are then read while
        // the walk goes on, on the other cores (the walk waits on system calls, the parser on the processor).
        boolean readAll = full || !store.hasFiles(library.id());
        Walk walk = new Walk(root, recorded, !full, problems, readAll ? f -> reading.read(f.fileName(), f.series(), library.chapterBased()) : null);
        try {
            walk.run();
        } finally {
            walk.stopReading();
        }
        long walked = System.nanoTime();

        // What was recorded of the folders listed (to compare) and of those gone (to remove).
        Set<String> toCompare = new HashSet<>(walk.listed.keySet());
        List<String> gone = new ArrayList<>();
        for (String folder : recorded.keySet()) {
            if (!walk.listed.containsKey(folder) && !walk.kept.contains(folder) && !walk.underUnreadable(folder)) {
                gone.add(folder);
                toCompare.add(folder);
            }
        }
        Map<String, LibraryStore.StoredFile> stored = full || recorded.isEmpty() || toCompare.size() > FOLDERS_READ_ONE_BY_ONE
                ? store.files(library.id()) // first scan, full scan, or recorded before V21: every row
                : store.filesIn(library.id(), toCompare);

        List<Seen> toRead = new ArrayList<>();
        int added = 0, changed = 0, unchanged = walk.keptFiles;
        for (Seen file : walk.seen) {
            LibraryStore.StoredFile before = stored.remove(file.path());
            boolean same = before != null && before.size() == file.size() && before.modifiedMs() == file.modifiedMs();
            if (same) {
                unchanged++;
                if (!full) {
                    if (!before.numbered()) {
                        problems.add(noNumber(file.path()));
                    }
                    continue;
                }
            } else if (before == null) {
                added++;
            } else {
                changed++;
            }
            toRead.add(file);
        }
        long compared = System.nanoTime();
        List<Pending> readAhead = walk.readAhead();
        List<Pending> pending = read(toRead, readAhead, library.chapterBased());
        boolean inPathOrder = pending == readAhead; // read during the walk: folder by folder, in path order
        long parsed = System.nanoTime();
        for (Pending p : pending) {
            ParsedName name = p.name();
            if (name.volume() == null && name.chapter() == null && !name.special()) {
                problems.add(noNumber(p.file().path()));
            }
        }
        if (!walk.kept.isEmpty()) {
            for (String path : store.unnumbered(library.id())) {
                if (walk.kept.contains(ScannedFolders.parentOf(path))) {
                    problems.add(noNumber(path));
                }
            }
        }
        List<Long> removed = new ArrayList<>();
        for (Map.Entry<String, LibraryStore.StoredFile> left : stored.entrySet()) {
            String path = left.getKey();
            if (!walk.kept.contains(ScannedFolders.parentOf(path)) && !walk.underUnreadable(path)) {
                removed.add(left.getValue().id());
            }
        }
        Instant now = Instant.now(clock);
        long written = System.nanoTime();
        store.database().write(c -> {
            apply(c, library.id(), pending, inPathOrder, removed);
            ScannedFolders.forget(c, library.id(), gone);
            ScannedFolders.save(c, library.id(), walk.listed.values());
            LibraryStore.markScanned(c, library.id(), now);
            return null;
        });
        ScanReport report = new ScanReport(library.name(), countSeries(library), walk.seen.size() + walk.keptFiles, added, changed,
                unchanged, removed.size(), walk.kept.size(), problems, Duration.ofNanos(System.nanoTime() - start));
        if (LOG.isDebugEnabled()) {
            LOG.debug("scan of {}: walk {} ms ({} folders listed, {} not), compare {} ms, parse {} ms ({} names), write {} ms, total {} ms",
                    library.name(), ms(walked - start), walk.listed.size(), walk.kept.size(), ms(compared - walked), ms(parsed - compared),
                    toRead.size(), ms(System.nanoTime() - written), report.took().toMillis());
        }
        return report;
    }

    /**
     * The files to write, parsed: those read during the walk (a first or full scan reads every file it sees, folder
     * by folder, in path order), the others read now; many names on every core.
     */
    private List<Pending> read(List<Seen> files, List<Pending> readAhead, boolean chapterBased) {
        if (readAhead.size() == files.size()) {
            return readAhead; // every file seen is to be written: the usual first or full scan
        }
        Map<String, ParsedName> ahead = new HashMap<>();
        for (Pending p : readAhead) {
            ahead.put(p.file().path(), p.name());
        }
        var stream = files.size() >= PARSE_IN_PARALLEL && ahead.isEmpty() ? files.parallelStream() : files.stream();
        return stream.map(f -> {
            ParsedName name = ahead.get(f.path());
            return new Pending(f, name != null ? name : reading.read(f.fileName(), f.series(), chapterBased));
        }).toList();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private int countSeries(Library library) {
        return store.database().read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM series WHERE library_id = ?")) {
                s.setLong(1, library.id());
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    private static ScanProblem noNumber(String path) {
        return new ScanProblem(ScanProblem.Kind.NO_NUMBER, path, "no volume or chapter number in the file name");
    }

    /**
     * One walk of a library's folders: lists those that changed (or all, with nothing recorded), and for those that
     * did not, only stats the sub-folders recorded under them.
     */
    private static final class Walk {
        private final Path root;
        private final Map<String, ScannedFolders.Folder> recorded;
        private final Map<String, List<String>> recordedChildren = new HashMap<>();
        private final boolean trustStamps;
        private final List<ScanProblem> problems;
        private final long startedNanos;
        /** Reads the names of each folder listed while the walk goes on; null when names are read after it. */
        private final java.util.function.Function<Seen, ParsedName> reader;
        private final java.util.concurrent.ExecutorService readers;
        /** The names of each folder listed, read on the other cores: by folder, sorted by path within it. */
        private final List<FolderRead> readsAhead = new ArrayList<>();

        /** A folder's files being read; {@code order} sorts folders as their files' paths sort ("a/" before "a b/"). */
        private record FolderRead(String order, java.util.concurrent.Future<List<Pending>> names) {}

        final List<Seen> seen = new ArrayList<>();
        /** Folders listed by this walk, as they are to be recorded. */
        final Map<String, ScannedFolders.Folder> listed = new LinkedHashMap<>();
        /** Folders not listed because they did not change: their recorded files stand. */
        final Set<String> kept = new HashSet<>();
        int keptFiles;
        /** Folders (or entries at the root) that could not be read: what was recorded under them stays. */
        private final List<String> unreadable = new ArrayList<>();

        /**
         * @param trustStamps false for a full scan: every folder is listed
         * @param reader      reads a file's name while the walk goes on, or null
         */
        Walk(Path root, Map<String, ScannedFolders.Folder> recorded, boolean trustStamps, List<ScanProblem> problems,
                java.util.function.Function<Seen, ParsedName> reader) {
            this.root = root;
            this.recorded = recorded;
            this.trustStamps = trustStamps;
            this.problems = problems;
            this.reader = reader;
            this.readers = reader == null ? null : java.util.concurrent.Executors.newFixedThreadPool(
                    Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                        Thread t = new Thread(r, "kanzen-scan-read");
                        t.setDaemon(true);
                        return t;
                    });
            Instant now = Instant.now(); // the file system's times are real ones, whatever clock the scanner was given
            this.startedNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            for (String path : recorded.keySet()) {
                if (!path.isEmpty()) {
                    recordedChildren.computeIfAbsent(ScannedFolders.parentOf(path), k -> new ArrayList<>()).add(path);
                }
            }
        }

        void run() {
            FolderStamp stamp;
            try {
                stamp = FolderStamp.read(root);
            } catch (IOException e) {
                problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, root.toString(), describe(e)));
                unreadable.add("");
                return;
            }
            visit(root, "", null, stamp);
        }

        /**
         * The files read during the walk, in path order (but for files of a folder and of its sub-folders, which
         * come one folder after the other); waits for the last ones.
         */
        List<Pending> readAhead() {
            List<FolderRead> folders = new ArrayList<>(readsAhead);
            folders.sort(java.util.Comparator.comparing(FolderRead::order));
            List<Pending> out = new ArrayList<>(seen.size());
            for (FolderRead f : folders) {
                try {
                    out.addAll(f.names().get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new io.kanzen.core.KanzenException("the scan was interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new io.kanzen.core.KanzenException("reading the file names failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        }

        /** Lets the reading threads end once their work is done. */
        void stopReading() {
            if (readers != null) {
                readers.shutdown();
            }
        }

        boolean underUnreadable(String path) {
            for (String f : unreadable) {
                if (f.isEmpty() || path.equals(f) || path.startsWith(f + "/")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * @param rel    the folder relative to the root ("" for the root)
         * @param series the series folder it belongs to, or null for the root
         */
        /** @return false when the folder could not be listed (reported): its parent is listed again next time */
        private boolean visit(Path dir, String rel, String series, FolderStamp stamp) {
            ScannedFolders.Folder before = recorded.get(rel);
            if (trustStamps && before != null && before.stamp() != null && before.stamp().equals(stamp.text())) {
                Map<String, FolderStamp> children = childStamps(rel);
                if (children != null) {
                    kept.add(rel);
                    keptFiles += before.files();
                    for (Map.Entry<String, FolderStamp> child : children.entrySet()) {
                        String path = child.getKey();
                        visit(root.resolve(path), path, series != null ? series : path, child.getValue());
                    }
                    return true;
                }
            }
            return list(dir, rel, series, stamp);
        }

        /** The stamps of the sub-folders recorded under an unchanged folder; null when one is not there as recorded. */
        private Map<String, FolderStamp> childStamps(String rel) {
            List<String> children = recordedChildren.getOrDefault(rel, List.of());
            Map<String, FolderStamp> out = new LinkedHashMap<>();
            for (String child : children) {
                try {
                    Path p = root.resolve(child);
                    if (!Files.isDirectory(p)) {
                        return null;
                    }
                    out.put(child, FolderStamp.read(p));
                } catch (IOException e) {
                    return null; // listing the parent tells what happened to it
                }
            }
            return out;
        }

        private boolean list(Path dir, String rel, String series, FolderStamp stamp) {
            List<Seen> files = new ArrayList<>();
            boolean clean = true;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    String entryRel = rel.isEmpty() ? name : rel + "/" + name;
                    boolean volume = VolumeFiles.extensionOf(name) != null;
                    BasicFileAttributes attrs;
                    try {
                        // at the root a link to a series folder is followed; inside a series, links to folders are not
                        attrs = series == null ? Files.readAttributes(entry, ATTRIBUTES)
                                : Files.readAttributes(entry, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                        if (attrs.isSymbolicLink() && volume) {
                            attrs = Files.readAttributes(entry, ATTRIBUTES);
                        }
                    } catch (IOException e) {
                        if (series == null || volume) {
                            boolean brokenLink = Files.isSymbolicLink(entry);
                            problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, entryRel,
                                    brokenLink ? "broken link: its target is missing" : describe(e)));
                            unreadable.add(entryRel);
                            clean = false;
                        }
                        continue;
                    }
                    if (attrs.isDirectory()) {
                        FolderStamp childStamp;
                        try {
                            childStamp = FolderStamp.read(entry);
                        } catch (IOException e) {
                            problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, entryRel, describe(e)));
                            unreadable.add(entryRel);
                            clean = false;
                            continue;
                        }
                        if (!visit(entry, entryRel, series != null ? series : name, childStamp)) {
                            clean = false; // a sub-folder that cannot be listed now is tried again at the next scan
                        }
                    } else if (attrs.isRegularFile() && volume) {
                        if (readable(entry, attrs)) {
                            files.add(new Seen(entryRel, name, series, attrs.size(), attrs.lastModifiedTime().toMillis()));
                        } else {
                            problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, entryRel, "the file cannot be read (permissions)"));
                            clean = false;
                        }
                    }
                }
            } catch (IOException e) {
                problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, rel.isEmpty() ? root.toString() : rel, describe(e)));
                unreadable.add(rel);
                return false;
            }
            seen.addAll(files);
            if (reader != null && !files.isEmpty()) {
                readsAhead.add(new FolderRead(rel + "/", readers.submit(() -> {
                    List<Pending> names = new ArrayList<>(files.size());
                    for (Seen f : files) {
                        names.add(new Pending(f, reader.apply(f)));
                    }
                    names.sort(BY_PATH); // here, on the reading cores, rather than all rows at once before the insert
                    return names;
                })));
            }
            boolean trusted = clean && stamp.settledAt(startedNanos);
            listed.put(rel, new ScannedFolders.Folder(rel, trusted ? stamp.text() : null, files.size()));
            return true;
        }
    }

    /**
     * Whether Kanzen can read the file. Read by everyone (owner, group and others) is read by us too, from the mode the
     * stat already gave; only other modes cost the {@code access} call (one system call per file on a first scan).
     */
    private static boolean readable(Path file, BasicFileAttributes attrs) {
        if (attrs instanceof PosixFileAttributes posix && posix.permissions().containsAll(READ_BY_ALL)) {
            return true;
        }
        return Files.isReadable(file);
    }

    private static final Set<PosixFilePermission> READ_BY_ALL = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    /** POSIX attributes where the file system has them: the same stat, with the mode (the owner is looked up only if asked). */
    private static final Class<? extends BasicFileAttributes> ATTRIBUTES =
            java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix") ? PosixFileAttributes.class
                    : BasicFileAttributes.class;

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** @param inPathOrder whether {@code pending} already comes in path order (near enough: folder by folder) */
    private void apply(Connection c, long libraryId, List<Pending> pending, boolean inPathOrder, List<Long> removed) throws SQLException {
        if (pending.isEmpty() && removed.isEmpty()) {
            return;
        }
        Map<String, LibraryStore.StoredSeries> series = LibraryStore.series(c, libraryId);
        Map<String, Long> seriesIds = new HashMap<>();
        series.forEach((k, s) -> seriesIds.put(k, s.id()));
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM volume_file WHERE id = ?")) {
            for (long id : removed) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        Map<String, String> keysByTitle = new HashMap<>();
        // in path order, the (library, path) index grows at its end instead of taking rows all over the tree
        List<Pending> rowsInOrder = pending;
        if (!inPathOrder) {
            rowsInOrder = new ArrayList<>(pending);
            rowsInOrder.sort(BY_PATH);
        }
        try (FileRows rows = new FileRows(c, libraryId); PreparedStatement insertSeries = LibraryStore.insertSeries(c)) {
            for (Pending p : rowsInOrder) {
                String title = seriesTitle(p);
                String key = keysByTitle.computeIfAbsent(title, TitleKey::of); // a folder's files share their title
                Long seriesId = seriesIds.get(key);
                if (seriesId == null) {
                    seriesId = LibraryStore.insertSeries(insertSeries, libraryId, title, key, p.file().series());
                    seriesIds.put(key, seriesId);
                }
                rows.add(seriesId, p.file(), p.name());
            }
            rows.write();
        }
        try (PreparedStatement orphans = c.prepareStatement(
                "DELETE FROM series WHERE library_id = ? AND NOT EXISTS (SELECT 1 FROM volume_file f WHERE f.series_id = series.id)")) {
            orphans.setLong(1, libraryId);
            orphans.executeUpdate();
        }
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

        FileRows(Connection c, long libraryId) {
            this.c = c;
            this.libraryId = libraryId;
        }

        void add(long seriesId, Seen file, ParsedName n) throws SQLException {
            int shape = shape(n);
            PreparedStatement s = statements.get(shape);
            if (s == null) {
                s = c.prepareStatement(sql(shape));
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
         * on conflict, to {@code excluded}'s value, which is the column's default (NULL, or 0 for special) when absent.
         */
        private static String sql(int shape) {
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
            return "INSERT INTO volume_file (" + columns + ") VALUES (" + values + ") "
                    + "ON CONFLICT (library_id, path) DO UPDATE SET series_id = excluded.series_id, size = excluded.size, "
                    + "modified_ms = excluded.modified_ms, volume_from = excluded.volume_from, volume_to = excluded.volume_to, "
                    + "chapter_from = excluded.chapter_from, chapter_to = excluded.chapter_to, special = excluded.special, "
                    + "language = excluded.language, format = excluded.format, edition = excluded.edition";
        }
    }

    /** A folder names its series; a loose file takes the series its name gives, or its bare name. */
    private static String seriesTitle(Pending p) {
        if (p.file().series() != null) {
            return p.file().series();
        }
        if (p.name().series() != null) {
            return p.name().series();
        }
        String n = p.file().fileName();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
