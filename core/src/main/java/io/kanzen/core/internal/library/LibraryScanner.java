package io.kanzen.core.internal.library;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.core.Library;
import io.kanzen.core.ScanProblem;
import io.kanzen.core.ScanReport;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a library folder into the database. Each sub-folder of the root is a series (files in deeper folders
 * belong to it too); loose files at the root are grouped by the series their names give. A file whose size and
 * modification time did not change is only stat'ed: no parse, no write. A folder that cannot be read keeps its
 * rows, so an unmounted disk or a permission slip never empties the library.
 */
public final class LibraryScanner {
    private final LibraryStore store;
    private final SeriesFolderReading reading;
    private final Clock clock;

    public LibraryScanner(LibraryStore store, NameParser parser, Clock clock) {
        this.store = store;
        this.reading = new SeriesFolderReading(parser);
        this.clock = clock;
    }

    /** A volume file seen on disk. {@code folder} is its series folder, or null for a loose file. */
    private record Seen(String path, String fileName, String folder, long size, long modifiedMs) {}

    /** A file to (re)write, parsed. */
    private record Pending(Seen file, ParsedName name, Long existingId) {}

    public ScanReport scan(Library library) {
        long start = System.nanoTime();
        Path root = library.root();
        List<ScanProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(new ScanProblem(ScanProblem.Kind.MISSING_FOLDER, root.toString(),
                    "the library folder is missing or is not a folder; nothing was removed"));
            return new ScanReport(library.name(), 0, 0, 0, 0, 0, 0, problems, Duration.ofNanos(System.nanoTime() - start));
        }
        List<Seen> seen = new ArrayList<>();
        List<String> unreadableFolders = new ArrayList<>();
        walk(root, seen, unreadableFolders, problems);

        Map<String, LibraryStore.StoredFile> stored = store.files(library.id());
        List<Pending> pending = new ArrayList<>();
        int added = 0, changed = 0, unchanged = 0;
        for (Seen file : seen) {
            LibraryStore.StoredFile before = stored.remove(file.path());
            if (before != null && before.size() == file.size() && before.modifiedMs() == file.modifiedMs()) {
                unchanged++;
                if (!before.numbered()) {
                    problems.add(noNumber(file.path()));
                }
                continue;
            }
            ParsedName name = reading.read(file.fileName(), file.folder(), library.chapterBased());
            if (name.volume() == null && name.chapter() == null && !name.special()) {
                problems.add(noNumber(file.path()));
            }
            pending.add(new Pending(file, name, before == null ? null : before.id()));
            if (before == null) {
                added++;
            } else {
                changed++;
            }
        }
        List<Long> removed = new ArrayList<>();
        for (Map.Entry<String, LibraryStore.StoredFile> gone : stored.entrySet()) {
            if (!underAny(gone.getKey(), unreadableFolders)) {
                removed.add(gone.getValue().id());
            }
        }
        if (!pending.isEmpty() || !removed.isEmpty()) {
            store.database().write(c -> {
                apply(c, library.id(), pending, removed);
                return null;
            });
        }
        store.markScanned(library.id(), Instant.now(clock));
        return new ScanReport(library.name(), countSeries(library), seen.size(), added, changed, unchanged, removed.size(),
                problems, Duration.ofNanos(System.nanoTime() - start));
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

    private static boolean underAny(String path, List<String> folders) {
        for (String f : folders) {
            if (path.startsWith(f + "/")) {
                return true;
            }
        }
        return false;
    }

    private void walk(Path root, List<Seen> seen, List<String> unreadableFolders, List<ScanProblem> problems) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    boolean brokenLink = Files.isSymbolicLink(entry);
                    problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, name,
                            brokenLink ? "broken link: its target is missing" : describe(e)));
                    unreadableFolders.add(name);
                    continue;
                }
                if (attrs.isDirectory()) {
                    walkSeries(root, entry, name, seen, unreadableFolders, problems);
                } else if (attrs.isRegularFile() && VolumeFiles.extensionOf(name) != null) {
                    if (readable(entry, name, problems)) {
                        seen.add(new Seen(name, name, null, attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, root.toString(), describe(e)));
            unreadableFolders.add("");
        }
    }

    private void walkSeries(Path root, Path folder, String folderName, List<Seen> seen, List<String> unreadableFolders,
            List<ScanProblem> problems) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir != folder && dir.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".") || VolumeFiles.extensionOf(name) == null) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = relative(root, file);
                    if (attrs.isSymbolicLink()) {
                        // walkFileTree hands over the link itself only when its target cannot be reached
                        problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, rel, "broken link: its target is missing"));
                    } else if (attrs.isRegularFile() && readable(file, rel, problems)) {
                        seen.add(new Seen(rel, name, folderName, attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String rel = relative(root, file);
                    problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, rel, describe(e)));
                    unreadableFolders.add(rel);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, folderName, describe(e)));
            unreadableFolders.add(folderName);
        }
    }

    private static boolean readable(Path file, String rel, List<ScanProblem> problems) {
        if (Files.isReadable(file)) {
            return true;
        }
        problems.add(new ScanProblem(ScanProblem.Kind.UNREADABLE, rel, "the file cannot be read (permissions)"));
        return false;
    }

    private static String relative(Path root, Path file) {
        String rel = root.relativize(file).toString();
        return file.getFileSystem().getSeparator().equals("/") ? rel : rel.replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void apply(Connection c, long libraryId, List<Pending> pending, List<Long> removed) throws SQLException {
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
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO volume_file (library_id, series_id, path, size, modified_ms, volume_from, volume_to, chapter_from, "
                        + "chapter_to, special, language, format, edition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (library_id, path) DO UPDATE SET series_id = excluded.series_id, size = excluded.size, "
                        + "modified_ms = excluded.modified_ms, volume_from = excluded.volume_from, volume_to = excluded.volume_to, "
                        + "chapter_from = excluded.chapter_from, chapter_to = excluded.chapter_to, special = excluded.special, "
                        + "language = excluded.language, format = excluded.format, edition = excluded.edition")) {
            for (Pending p : pending) {
                String title = seriesTitle(p);
                String key = TitleKey.of(title);
                Long seriesId = seriesIds.get(key);
                if (seriesId == null) {
                    seriesId = LibraryStore.insertSeries(c, libraryId, title, key, p.file().folder());
                    seriesIds.put(key, seriesId);
                }
                ParsedName n = p.name();
                upsert.setLong(1, libraryId);
                upsert.setLong(2, seriesId);
                upsert.setString(3, p.file().path());
                upsert.setLong(4, p.file().size());
                upsert.setLong(5, p.file().modifiedMs());
                LibraryStore.setDouble(upsert, 6, n.volume() == null ? null : n.volume().from());
                LibraryStore.setDouble(upsert, 7, n.volume() == null ? null : n.volume().to());
                LibraryStore.setDouble(upsert, 8, n.chapter() == null ? null : n.chapter().from());
                LibraryStore.setDouble(upsert, 9, n.chapter() == null ? null : n.chapter().to());
                upsert.setBoolean(10, n.special());
                upsert.setString(11, n.language());
                upsert.setString(12, n.format());
                upsert.setString(13, n.edition());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement orphans = c.prepareStatement(
                "DELETE FROM series WHERE library_id = ? AND NOT EXISTS (SELECT 1 FROM volume_file f WHERE f.series_id = series.id)")) {
            orphans.setLong(1, libraryId);
            orphans.executeUpdate();
        }
    }

    /** A folder names its series; a loose file takes the series its name gives, or its bare name. */
    private static String seriesTitle(Pending p) {
        if (p.file().folder() != null) {
            return p.file().folder();
        }
        if (p.name().series() != null) {
            return p.name().series();
        }
        String n = p.file().fileName();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
