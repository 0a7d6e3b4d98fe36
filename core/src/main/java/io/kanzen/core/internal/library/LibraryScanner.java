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
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
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
 *
 * <p>A first scan (the library has no files yet) reads every name on the other cores while the walk goes on, and
 * writes each series folder once walked, in short transactions ({@link FirstScanWriter}): what is left once the walk
 * is over is the last few series. Any other scan compares, then writes in one transaction.
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
    private final int rowsPerTransaction;
    private final Map<Long, Object> scanning = new java.util.concurrent.ConcurrentHashMap<>();

    public LibraryScanner(LibraryStore store, NameParser parser, Clock clock) {
        this(store, parser, clock, FirstScanWriter.ROWS_PER_TRANSACTION);
    }

    /** @param rowsPerTransaction how many rows a first scan writes per transaction while its walk goes on */
    LibraryScanner(LibraryStore store, NameParser parser, Clock clock, int rowsPerTransaction) {
        this.rowsPerTransaction = rowsPerTransaction;
        this.store = store;
        this.folders = new ScannedFolders(store.database());
        this.reading = new SeriesFolderReading(parser);
        this.clock = clock;
    }

    /** A scan that trusts unchanged folders. */
    public ScanReport scan(Library library) {
        return scan(library, false);
    }

    /**
     * @param full list every folder, stat every file and read every name again, whatever was recorded: for files
     *     written in place, or names a newer parser reads better
     */
    public ScanReport scan(Library library, boolean full) {
        // one scan of a library at a time (the API's and an import's): the second one finds what the first wrote
        synchronized (scanning.computeIfAbsent(library.id(), id -> new Object())) {
            return scanAlone(library, full);
        }
    }

    private ScanReport scanAlone(Library library, boolean full) {
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
        boolean firstScan = !store.hasFiles(library.id());
        boolean readAll = full || firstScan;
        // A first scan writes each series folder while the walk goes on (see FirstScanWriter): nothing to compare nor remove.
        long walkCpu = LOG.isDebugEnabled() ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
        FirstScanWriter writer = firstScan ? new FirstScanWriter(store.database(), library.id(), rowsPerTransaction) : null;
        Walk walk = new Walk(root, recorded, !full, problems, readAll ? f -> reading.read(f.fileName(), f.series(), library.chapterBased()) : null,
                writer);
        try {
            walk.run();
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.abandon();
            }
            throw e;
        } finally {
            walk.stopReading();
        }
        long walked = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            walkCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - walkCpu;
        }

        // What was recorded of the folders listed (to compare) and of those gone (to remove).
        Set<String> toCompare = new HashSet<>(walk.listed.keySet());
        List<String> gone = new ArrayList<>();
        for (String folder : recorded.keySet()) {
            if (!walk.listed.containsKey(folder) && !walk.kept.contains(folder) && !walk.underUnreadable(folder)) {
                gone.add(folder);
                toCompare.add(folder);
            }
        }
        Map<String, LibraryStore.StoredFile> stored = firstScan ? new HashMap<>() // none, but those the writer is adding
                : full || recorded.isEmpty() || toCompare.size() > FOLDERS_READ_ONE_BY_ONE
                ? store.files(library.id()) // full scan, or recorded before V21: every row
                : store.filesIn(library.id(), toCompare);

        List<SeenFile> toRead = new ArrayList<>();
        int added = 0, changed = 0, unchanged = walk.keptFiles;
        for (SeenFile file : walk.seen) {
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
        List<ParsedFile> readAhead = walk.readAhead();
        List<ParsedFile> pending = read(toRead, readAhead, library.chapterBased());
        boolean inPathOrder = pending == readAhead; // read during the walk: folder by folder, in path order
        long parsed = System.nanoTime();
        for (ParsedFile p : pending) {
            if (!p.numbered()) {
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
        long written = System.nanoTime();
        List<ScannedFolders.Folder> foldersToSave = new ArrayList<>(walk.listed.values());
        Set<String> writtenDuringWalk = Set.of();
        if (writer != null) {
            // left to this transaction: the loose files at the root (pending) and the series they share (held back)
            FirstScanWriter.Result during = writer.finish(); // its unnumbered files include those it holds back
            writtenDuringWalk = during.written();
            added += walk.handedOver;
            for (String path : during.unnumbered()) {
                problems.add(noNumber(path));
            }
            if (!during.heldBack().isEmpty()) {
                List<ParsedFile> more = new ArrayList<>(pending);
                more.addAll(during.heldBack());
                pending = more;
                inPathOrder = false;
            }
            foldersToSave.removeIf(f -> during.written().contains(seriesFolderOf(f.path())));
        }
        List<ParsedFile> rows = pending;
        boolean rowsInPathOrder = inPathOrder;
        Instant now = Instant.now(clock);
        store.database().write(c -> {
            apply(c, library.id(), rows, rowsInPathOrder, removed);
            ScannedFolders.forget(c, library.id(), gone);
            ScannedFolders.save(c, library.id(), foldersToSave);
            LibraryStore.markScanned(c, library.id(), now);
            return null;
        });
        ScanReport report = new ScanReport(library.name(), countSeries(library), walk.seen.size() + walk.handedOver + walk.keptFiles, added, changed,
                unchanged, removed.size(), walk.kept.size(), problems, Duration.ofNanos(System.nanoTime() - start));
        if (LOG.isDebugEnabled()) {
            LOG.debug("scan of {}: walk {} ms (its thread's processor time {} ms; {} folders listed, {} not), compare {} ms, parse {} ms ({} names), write {} ms ({} series "
                    + "folders written during the walk), total {} ms", library.name(), ms(walked - start), ms(walkCpu), walk.listed.size(), walk.kept.size(),
                    ms(compared - walked), ms(parsed - compared), toRead.size(), ms(System.nanoTime() - written), writtenDuringWalk.size(),
                    report.took().toMillis());
        }
        return report;
    }

    /**
     * The files to write, parsed: those read during the walk (a first or full scan reads every file it sees, folder
     * by folder, in path order), the others read now; many names on every core.
     */
    private List<ParsedFile> read(List<SeenFile> files, List<ParsedFile> readAhead, boolean chapterBased) {
        if (readAhead.size() == files.size()) {
            return readAhead; // every file seen is to be written: the usual first or full scan
        }
        Map<String, ParsedName> ahead = new HashMap<>();
        for (ParsedFile p : readAhead) {
            ahead.put(p.file().path(), p.name());
        }
        var stream = files.size() >= PARSE_IN_PARALLEL && ahead.isEmpty() ? files.parallelStream() : files.stream();
        return stream.map(f -> {
            ParsedName name = ahead.get(f.path());
            return new ParsedFile(f, name != null ? name : reading.read(f.fileName(), f.series(), chapterBased));
        }).toList();
    }

    /** The series folder (the first segment) of a folder's path relative to the root; "" for the root. */
    private static String seriesFolderOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
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
        private final java.util.function.Function<SeenFile, ParsedName> reader;
        private final java.util.concurrent.ExecutorService readers;
        /** The names of each folder listed, read on the other cores: by folder, sorted by path within it. */
        private final List<FolderRead> readsAhead = new ArrayList<>();

        /** A folder's files being read; {@code order} sorts folders as their files' paths sort ("a/" before "a b/"). */
        private record FolderRead(String order, java.util.concurrent.Future<List<ParsedFile>> names) {}

        /** The files seen, but those handed over to a first scan's writer. */
        final List<SeenFile> seen = new ArrayList<>();
        /** The files of series folders handed over to a first scan's writer. */
        int handedOver;
        /** Folders listed by this walk, as they are to be recorded. */
        final Map<String, ScannedFolders.Folder> listed = new LinkedHashMap<>();
        /** Folders not listed because they did not change: their recorded files stand. */
        final Set<String> kept = new HashSet<>();
        int keptFiles;
        /** Folders (or entries at the root) that could not be read: what was recorded under them stays. */
        private final List<String> unreadable = new ArrayList<>();
        /** On a first scan, writes each series folder once walked; else null. */
        private final FirstScanWriter writer;
        /** The folders listed under the series folder being walked, for the writer; else null. */
        private List<ScannedFolders.Folder> seriesFolderListed;

        /**
         * @param trustStamps false for a full scan: every folder is listed
         * @param reader      reads a file's name while the walk goes on, or null
         * @param writer      writes each series folder once walked (a first scan, with a reader), or null
         */
        Walk(Path root, Map<String, ScannedFolders.Folder> recorded, boolean trustStamps, List<ScanProblem> problems,
                java.util.function.Function<SeenFile, ParsedName> reader, FirstScanWriter writer) {
            this.writer = writer;
            this.root = root;
            this.recorded = recorded;
            this.trustStamps = trustStamps;
            this.problems = problems;
            this.reader = reader;
            // A first scan's writer needs a core of its own: the threads share the cores evenly, and a writer left
            // behind is the one thing that still runs once the walk is over. Without a writer, every core reads.
            int cores = Runtime.getRuntime().availableProcessors();
            this.readers = reader == null ? null : java.util.concurrent.Executors.newFixedThreadPool(
                    Math.max(1, writer != null ? cores - 1 : cores), r -> {
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
        List<ParsedFile> readAhead() {
            List<FolderRead> folders = new ArrayList<>(readsAhead);
            folders.sort(java.util.Comparator.comparing(FolderRead::order));
            List<ParsedFile> out = new ArrayList<>(seen.size());
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
            List<SeenFile> files = new ArrayList<>();
            // the root's series folders are walked once the root is listed, in path order (see FirstScanWriter)
            List<SeriesFolderEntry> seriesFolders = rel.isEmpty() ? new ArrayList<>() : null;
            boolean clean = true;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                SecureDirectoryStream<Path> open = entries instanceof SecureDirectoryStream<Path> s ? s : null;
                for (Path entry : entries) {
                    Path fileName = entry.getFileName();
                    String name = fileName.toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    String entryRel = rel.isEmpty() ? name : rel + "/" + name;
                    boolean volume = VolumeFiles.extensionOf(name) != null;
                    BasicFileAttributes attrs;
                    try {
                        // at the root a link to a series folder is followed; inside a series, links to folders are not
                        attrs = attributes(open, entry, fileName, series == null);
                        if (attrs.isSymbolicLink() && volume) {
                            attrs = attributes(open, entry, fileName, true);
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
                        if (seriesFolders != null) {
                            seriesFolders.add(new SeriesFolderEntry(entry, name, childStamp));
                        } else if (!visit(entry, entryRel, series != null ? series : name, childStamp)) {
                            clean = false; // a sub-folder that cannot be listed now is tried again at the next scan
                        }
                    } else if (attrs.isRegularFile() && volume) {
                        if (readable(entry, attrs)) {
                            files.add(new SeenFile(entryRel, name, series, attrs.size(), attrs.lastModifiedTime().toMillis()));
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
            if (seriesFolderListed != null) {
                handedOver += files.size(); // the writer has them: not kept here, so that they can be collected once written
            } else {
                seen.addAll(files);
            }
            java.util.concurrent.Future<List<ParsedFile>> read = null;
            if (reader != null && !files.isEmpty()) {
                read = readers.submit(() -> {
                    List<ParsedFile> names = new ArrayList<>(files.size());
                    for (SeenFile f : files) {
                        names.add(new ParsedFile(f, reader.apply(f)));
                    }
                    names.sort(ParsedFile.BY_PATH); // here, on the reading cores, rather than all rows at once before the insert
                    return names;
                });
                readsAhead.add(new FolderRead(rel + "/", read));
            }
            if (seriesFolders != null && !visitSeriesFolders(seriesFolders, read)) {
                clean = false; // a sub-folder that cannot be listed now is tried again at the next scan
            }
            boolean trusted = clean && stamp.settledAt(startedNanos);
            ScannedFolders.Folder folder = new ScannedFolders.Folder(rel, trusted ? stamp.text() : null, files.size());
            listed.put(rel, folder);
            if (seriesFolderListed != null) {
                seriesFolderListed.add(folder);
            }
            return true;
        }

        /** A folder at the root of the library: a series. */
        private record SeriesFolderEntry(Path path, String name, FolderStamp stamp) {}

        /**
         * Walks the root's series folders in path order; on a first scan, hands each one over to the writer once
         * it is walked.
         *
         * @param looseFiles the names of the root's own files being read, or null
         * @return false when one could not be listed
         */
        private boolean visitSeriesFolders(List<SeriesFolderEntry> seriesFolders, java.util.concurrent.Future<List<ParsedFile>> looseFiles) {
            seriesFolders.sort(java.util.Comparator.comparing(f -> f.name() + "/")); // as their files' paths sort: "a/" before "a b/"
            if (writer != null) {
                Set<String> titles = new HashSet<>();
                Set<String> shared = new HashSet<>();
                for (SeriesFolderEntry f : seriesFolders) {
                    if (!titles.add(TitleKey.of(f.name()))) {
                        shared.add(TitleKey.of(f.name()));
                    }
                }
                writer.start(looseFiles, shared);
            }
            boolean all = true;
            for (SeriesFolderEntry f : seriesFolders) {
                int readsBefore = readsAhead.size();
                seriesFolderListed = writer != null ? new ArrayList<>() : null;
                all &= visit(f.path(), f.name(), f.name(), f.stamp());
                if (writer != null) {
                    List<FolderRead> handed = readsAhead.subList(readsBefore, readsAhead.size());
                    List<FolderRead> reads = new ArrayList<>(handed);
                    handed.clear();
                    reads.sort(java.util.Comparator.comparing(FolderRead::order));
                    List<java.util.concurrent.Future<List<ParsedFile>>> names = new ArrayList<>(reads.size());
                    for (FolderRead r : reads) {
                        names.add(r.names());
                    }
                    writer.add(new FirstScanWriter.SeriesFolder(f.name(), names, seriesFolderListed));
                }
            }
            seriesFolderListed = null;
            return all;
        }
    }

    /**
     * An entry's attributes, with the mode where the file system has one. Through the open folder when there is one
     * ({@code fstatat} on the folder's descriptor: the kernel looks up one name instead of the whole path again).
     */
    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> open, Path entry, Path name, boolean followLinks)
            throws IOException {
        LinkOption[] links = followLinks ? NO_LINK_OPTIONS : NOFOLLOW;
        if (open != null) {
            return ATTRIBUTES == PosixFileAttributes.class ? open.getFileAttributeView(name, PosixFileAttributeView.class, links).readAttributes()
                    : open.getFileAttributeView(name, BasicFileAttributeView.class, links).readAttributes();
        }
        return Files.readAttributes(entry, ATTRIBUTES, links);
    }

    private static final LinkOption[] NO_LINK_OPTIONS = {};
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

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
    private void apply(Connection c, long libraryId, List<ParsedFile> pending, boolean inPathOrder, List<Long> removed) throws SQLException {
        if (pending.isEmpty() && removed.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM volume_file WHERE id = ?")) {
            for (long id : removed) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        List<ParsedFile> rowsInOrder = pending;
        if (!inPathOrder) {
            rowsInOrder = new ArrayList<>(pending);
            rowsInOrder.sort(ParsedFile.BY_PATH);
        }
        new VolumeFileRows(libraryId).write(c, rowsInOrder);
        try (PreparedStatement orphans = c.prepareStatement(
                "DELETE FROM series WHERE library_id = ? AND NOT EXISTS (SELECT 1 FROM volume_file f WHERE f.series_id = series.id)")) {
            orphans.setLong(1, libraryId);
            orphans.executeUpdate();
        }
    }
}
