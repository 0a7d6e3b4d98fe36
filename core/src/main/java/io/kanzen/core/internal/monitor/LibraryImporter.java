package io.kanzen.core.internal.monitor;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.DownloadSettings;
import io.kanzen.core.Grab;
import io.kanzen.core.Library;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.internal.library.LibraryScanner;
import io.kanzen.core.internal.library.LibraryStore;
import io.kanzen.core.internal.library.VolumeFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Places the volume files of a finished download in its series folder. Each volume file is read for its volume
 * (a single file takes the grab's volume when its name gives none); extras (nfo, images, chapters) are left; a
 * volume already owned is never overwritten. A file is first written under a hidden temporary name in the series
 * folder (hard link, rename, or copy across file systems), then published under its final name by a link that
 * cannot replace an existing file, so a crash or a full disk never leaves half a volume under a real name.
 * The library is then scanned again, so the volumes count as owned.
 */
public final class LibraryImporter implements DownloadTracker.Importer {
    private final LibraryStore library;
    private final LibraryScanner scanner;
    private final NameParser parser;
    private final FileOps files;

    public LibraryImporter(LibraryStore library, LibraryScanner scanner, NameParser parser, FileOps files) {
        this.library = library;
        this.scanner = scanner;
        this.parser = parser;
        this.files = files;
    }

    @Override
    public ImportResult importDownload(Grab grab, Path content, DownloadSettings settings, DownloadSettings.AfterImport mode) {
        if (grab.seriesId() == null) {
            throw new ImportFailure(ImportFailure.Code.NOT_LINKED,
                    "this download is not linked to a series: link it (kanzen downloads link " + grab.id() + " --series TITLE --volume N)");
        }
        SeriesSummary series = library.summaries().stream().filter(s -> s.id() == grab.seriesId()).findFirst()
                .orElseThrow(() -> new ImportFailure(ImportFailure.Code.SERIES_GONE, "its series is no longer in the library"));
        Library lib = library.byName(series.library())
                .orElseThrow(() -> new ImportFailure(ImportFailure.Code.SERIES_GONE, "its library is gone"));
        List<Path> books = volumeFiles(content);
        Path target = lib.root().resolve(series.folder() != null ? series.folder() : series.title());
        List<ImportNames.Named> existing = library.singleVolumeFiles(series.id()).stream()
                .map(f -> new ImportNames.Named(Path.of(f.path()).getFileName().toString(), f.volume())).toList();
        List<VolumeRange> taken = new ArrayList<>(series.volumes());
        List<String> placed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> unnumbered = new ArrayList<>();
        List<VolumeRange> placedVolumes = new ArrayList<>();
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw failure("cannot create the series folder " + target, e);
        }
        int n = 0;
        for (Path book : books) {
            String fileName = book.getFileName().toString();
            VolumeRange volume = volumeOf(fileName, grab.volume(), books.size() == 1);
            if (volume == null) {
                skipped.add(fileName + " (no volume number)");
                unnumbered.add(fileName);
                continue;
            }
            if (taken.stream().anyMatch(v -> v.overlaps(volume))) {
                skipped.add(fileName + " (volume " + volume + " already owned: not replaced)");
                continue;
            }
            String name = ImportNames.name(settings.naming(), series.title(), volume, existing, fileName);
            Path dest = target.resolve(name);
            if (Files.exists(dest)) {
                skipped.add(fileName + " (" + name + " already exists: not replaced)");
                continue;
            }
            if (place(book, dest, target.resolve(".kanzen-import-" + grab.id() + "-" + n++ + ".part"), mode)) {
                placed.add(name);
                placedVolumes.add(volume);
                taken.add(volume);
            } else {
                skipped.add(fileName + " (" + name + " appeared meanwhile: not replaced)");
            }
        }
        if (placed.isEmpty() && !unnumbered.isEmpty()) {
            throw new ImportFailure(ImportFailure.Code.NO_VOLUME_NUMBER, "no volume number in " + String.join(", ", unnumbered)
                    + ": give it one (kanzen downloads link " + grab.id() + " --series '" + series.title() + "' --volume N)");
        }
        scanner.scan(lib);
        return new ImportResult(target, placed, placedVolumes, skipped);
    }

    /** The volume files of a download: the file itself, or those inside its folder; extras are not volume files. */
    private static List<Path> volumeFiles(Path content) {
        List<Path> books = new ArrayList<>();
        try {
            if (Files.isDirectory(content)) {
                try (Stream<Path> all = Files.walk(content, 5)) {
                    all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> VolumeFiles.extensionOf(p.getFileName().toString()) != null).sorted().forEach(books::add);
                }
            } else if (VolumeFiles.extensionOf(content.getFileName().toString()) != null) {
                books.add(content);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
            throw failure("cannot read the download at " + content, io);
        }
        if (books.isEmpty()) {
            throw new ImportFailure(ImportFailure.Code.NO_VOLUME_FILE,
                    "the download at " + content + " holds no volume file (" + String.join(", ", VolumeFiles.EXTENSIONS.stream().sorted().toList()) + ")");
        }
        return books;
    }

    /** The volume a file holds: what its name says; a lone file whose name says none is the grab's volume. */
    private VolumeRange volumeOf(String fileName, VolumeRange grabbed, boolean alone) {
        ParsedName p = parser.parse(fileName);
        if (p.special() && p.volume() == null) {
            return null;
        }
        if (p.volume() != null) {
            return p.volume();
        }
        if (alone && grabbed != null) {
            return grabbed;
        }
        // in a pack of volumes, a bare number the parser took for a chapter ("Berserk 05.cbz") is the volume
        if (p.chapter() != null && p.chapter().isSingle() && grabbed != null && !grabbed.isSingle() && grabbed.contains(p.chapter().from())) {
            return p.chapter();
        }
        return null;
    }

    /**
     * Writes {@code source} under {@code temp} (hard link or rename where the file system allows, else a copy), then
     * publishes it as {@code dest} without ever replacing a file. Returns false when {@code dest} appeared meanwhile.
     */
    private boolean place(Path source, Path dest, Path temp, DownloadSettings.AfterImport mode) {
        boolean copied = false;
        try {
            Files.deleteIfExists(temp); // the leftover of an import cut short
            if (mode == DownloadSettings.AfterImport.MOVE) {
                try {
                    files.rename(source, temp);
                } catch (FileSystemException e) {
                    copy(source, temp);
                    copied = true;
                }
            } else {
                try {
                    files.link(temp, source);
                } catch (FileSystemException | UnsupportedOperationException e) {
                    copy(source, temp); // another file system, or one without hard links
                }
            }
            boolean published = publish(temp, dest);
            if (published && copied) {
                Files.deleteIfExists(source); // a move across file systems: the copy is in place, the original goes
            }
            if (!published && mode == DownloadSettings.AfterImport.MOVE && !copied) {
                files.rename(temp, source); // give the client its file back
            }
            return published;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the failure below says what went wrong; a stray hidden temp file is skipped by scans
            }
            throw failure("cannot place " + source.getFileName() + " in " + dest.getParent(), e);
        }
    }

    private void copy(Path source, Path temp) throws IOException {
        long size = Files.size(source);
        long free = Files.getFileStore(temp.getParent()).getUsableSpace();
        if (free < size) {
            throw new ImportFailure(ImportFailure.Code.NO_SPACE, "not enough space in " + temp.getParent() + ": " + size + " bytes needed, "
                    + free + " free");
        }
        files.copy(source, temp);
        if (Files.size(temp) != size) {
            throw new IOException("the copy of " + source.getFileName() + " is " + Files.size(temp) + " bytes, not " + size);
        }
    }

    /** The temporary file becomes {@code dest}: a link (fails if dest exists) then unlink, or a rename after a last check. */
    private boolean publish(Path temp, Path dest) throws IOException {
        try {
            files.link(dest, temp);
            Files.delete(temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
            return false;
        } catch (FileSystemException | UnsupportedOperationException e) {
            if (Files.exists(dest)) {
                Files.deleteIfExists(temp);
                return false;
            }
            files.rename(temp, dest); // same folder: atomic on every file system that has folders
            return true;
        }
    }

    private static ImportFailure failure(String what, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new ImportFailure(ImportFailure.Code.PERMISSION, what + ": permission denied on " + e.getMessage(), e);
        }
        if (e instanceof NoSuchFileException) {
            return new ImportFailure(ImportFailure.Code.NOT_FOUND, what + ": " + e.getMessage() + " does not exist", e);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left") || m.contains("Disk quota")) {
            return new ImportFailure(ImportFailure.Code.NO_SPACE, what + ": the disk is full (" + m + ")", e);
        }
        return new ImportFailure(ImportFailure.Code.IO, what + ": " + m, e);
    }
}
