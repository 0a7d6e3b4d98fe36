package io.kanzen.core.internal.monitor;

import io.kanzen.api.DownloadStatus;
import io.kanzen.core.Grab;
import io.kanzen.core.KanzenException;
import io.kanzen.core.Library;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.internal.library.LibraryScanner;
import io.kanzen.core.internal.library.LibraryStore;
import io.kanzen.core.internal.library.VolumeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Moves the volume files of a finished download into its series folder (a file, or the volume files of a folder),
 * never over an existing file, then scans that library again so the volumes count as owned.
 */
public final class LibraryImporter implements DownloadTracker.Importer {
    private final LibraryStore library;
    private final LibraryScanner scanner;

    public LibraryImporter(LibraryStore library, LibraryScanner scanner) {
        this.library = library;
        this.scanner = scanner;
    }

    @Override
    public String importDownload(Grab grab, DownloadStatus status) {
        if (grab.seriesId() == null) {
            throw new KanzenException("this download was sent by hand for no series: it stays where the client put it");
        }
        SeriesSummary series = library.summaries().stream().filter(s -> s.id() == grab.seriesId()).findFirst()
                .orElseThrow(() -> new KanzenException("its series is no longer in the library"));
        Library lib = library.byName(series.library()).orElseThrow(() -> new KanzenException("its library is gone"));
        if (status.contentPath() == null) {
            throw new KanzenException("the client does not say where the files are");
        }
        Path content = Path.of(status.contentPath());
        if (!Files.exists(content)) {
            throw new KanzenException("the client's files at " + content + " are not reachable from Kanzen (another machine or container?)");
        }
        Path target = lib.root().resolve(series.folder() != null ? series.folder() : series.title());
        List<Path> books = new ArrayList<>();
        try {
            if (Files.isDirectory(content)) {
                try (Stream<Path> files = Files.walk(content, 3)) {
                    files.filter(Files::isRegularFile).filter(p -> VolumeFiles.extensionOf(p.getFileName().toString()) != null).forEach(books::add);
                }
            } else if (VolumeFiles.extensionOf(content.getFileName().toString()) != null) {
                books.add(content);
            }
            if (books.isEmpty()) {
                throw new KanzenException("the download holds no volume file (" + String.join(", ", VolumeFiles.EXTENSIONS) + ")");
            }
            Files.createDirectories(target);
            List<String> moved = new ArrayList<>();
            for (Path book : books) {
                Path dest = target.resolve(book.getFileName().toString());
                if (Files.exists(dest)) {
                    throw new KanzenException(dest + " already exists: nothing was replaced");
                }
                Files.move(book, dest, StandardCopyOption.ATOMIC_MOVE);
                moved.add(dest.getFileName().toString());
            }
            scanner.scan(lib);
            return "moved " + String.join(", ", moved) + " into " + target;
        } catch (IOException e) {
            throw new KanzenException("cannot move the download into " + target + ": " + e.getMessage(), e);
        }
    }
}
