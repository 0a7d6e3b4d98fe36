package io.kanzen.core.internal.library;

import io.kanzen.core.KanzenException;
import io.kanzen.core.internal.storage.Database;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A first scan's writer (issue 16, goal 3): while the walk goes on, it writes the rows of each series folder the walk
 * is done with, with the stamps of its folders, on its own thread, a few thousand rows per transaction.
 *
 * <p>Why: 100,000 rows take about half a second to insert. Written once the walk is over, that half second runs on
 * one core while the other has nothing left to do; written during the walk, it fills the moments the walk and the
 * reading threads leave a core idle (system calls, collections), and what is left after the walk is the last few
 * series.
 *
 * <p>Why short transactions, series folder by series folder, rather than one transaction opened at the start: the
 * walk may take minutes on a network disk, and another writer (the server's history, a download's progress, a
 * command line beside it) waits for one transaction at most, not for the walk. A series folder is written whole in
 * one transaction, with the stamps of its folders: whoever reads the library meanwhile (a check) sees a series with
 * all its files or not at all, never half of its volumes. A series whose title is also given by loose files at the
 * root, or by another series folder ("Akira" and "akira"), is held back for the scan's last transaction to write
 * whole. A first scan that stops half-way
 * (an error, the process killed) leaves whole series behind; the next scan lists what is not recorded and adds it.
 *
 * <p>Used only when the library has no files yet: then every file is new, nothing is removed or compared, and the
 * order of the transactions does not matter.
 */
final class FirstScanWriter {
    /** Rows per transaction: few enough that what is left after the walk is short, enough that commits stay rare. */
    static final int ROWS_PER_TRANSACTION = 2_000;
    private static final Object END = new Object();

    /**
     * A series folder (a folder at the root of the library) the walk is done with.
     *
     * @param name    its name, the series' title
     * @param reads   the names of its files being read, folder by folder in path order
     * @param folders the folders listed under it, itself included, as they are to be recorded
     */
    record SeriesFolder(String name, List<Future<List<ParsedFile>>> reads, List<ScannedFolders.Folder> folders) {}

    /**
     * What the writer did, for the scan's last transaction and report. The files it wrote are not in it: once
     * written, nothing keeps them (100,000 rows kept to the end of a scan are what its collections copied most).
     *
     * @param written    the series folders whose rows and folder stamps are committed
     * @param heldBack   the files of the series folders held back, for the scan's last transaction to write
     * @param unnumbered the paths of the files handed over (written or held back) with no volume, chapter nor special
     */
    record Result(Set<String> written, List<ParsedFile> heldBack, List<String> unnumbered) {}

    private final Database db;
    private final long libraryId;
    private final VolumeFileRows rows;
    private final int rowsPerTransaction;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    // read by the scan once finish() has joined the thread
    private final Set<String> written = new HashSet<>();
    private final List<ParsedFile> heldBack = new ArrayList<>();
    private final List<String> unnumbered = new ArrayList<>();
    private Thread thread;
    private volatile Future<List<ParsedFile>> looseFiles;
    private volatile Set<String> sharedTitles = Set.of();
    private volatile RuntimeException failure;
    private volatile boolean abandoned;

    FirstScanWriter(Database db, long libraryId, int rowsPerTransaction) {
        if (rowsPerTransaction < 1) {
            throw new IllegalArgumentException("rows per transaction must be at least 1: " + rowsPerTransaction);
        }
        this.rowsPerTransaction = rowsPerTransaction;
        this.db = db;
        this.libraryId = libraryId;
        this.rows = new VolumeFileRows(libraryId, true);
    }

    /**
     * Starts writing; called once the root is listed, before its series folders are walked.
     *
     * @param looseFiles   the names of the loose files at the root being read, or null when there are none
     * @param sharedTitles the title keys of series folders that share their key with another series folder
     *                     ("Akira" and "akira"): one series, held back so that it too is written whole
     */
    void start(Future<List<ParsedFile>> looseFiles, Set<String> sharedTitles) {
        this.looseFiles = looseFiles;
        this.sharedTitles = Set.copyOf(sharedTitles);
        thread = new Thread(this::run, "kanzen-scan-write");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands over a series folder the walk is done with. */
    void add(SeriesFolder folder) {
        queue.add(folder);
    }

    /**
     * Waits until everything handed over is written.
     *
     * @throws KanzenException what writing failed with (the series written before it stay)
     */
    Result finish() {
        if (thread == null) {
            return new Result(Set.of(), List.of(), List.of());
        }
        queue.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = true;
            throw new KanzenException("the scan was interrupted", e);
        }
        if (failure != null) {
            throw failure;
        }
        return new Result(Collections.unmodifiableSet(written), Collections.unmodifiableList(heldBack), Collections.unmodifiableList(unnumbered));
    }

    /** The walk failed: writes nothing more and lets the thread end. */
    void abandon() {
        abandoned = true;
        if (thread != null) {
            queue.add(END);
        }
    }

    private void run() {
        try {
            Set<String> heldBackTitles = new HashSet<>(sharedTitles);
            heldBackTitles.addAll(looseSeriesKeys());
            List<ParsedFile> batch = new ArrayList<>();
            List<ScannedFolders.Folder> folders = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (true) {
                Object next = queue.take();
                if (next == END || abandoned) {
                    break;
                }
                SeriesFolder series = (SeriesFolder) next;
                // a series also named by loose files or by another folder is written whole in the scan's last transaction
                List<ParsedFile> to = heldBackTitles.contains(TitleKey.of(series.name())) ? heldBack : batch;
                for (Future<List<ParsedFile>> read : series.reads()) {
                    for (ParsedFile file : read.get()) {
                        if (!file.numbered()) {
                            unnumbered.add(file.file().path());
                        }
                        to.add(file);
                    }
                }
                if (to == heldBack) {
                    continue;
                }
                folders.addAll(series.folders());
                names.add(series.name());
                if (batch.size() >= rowsPerTransaction) {
                    write(batch, folders, names);
                }
            }
            if (!abandoned) {
                write(batch, folders, names);
            }
        } catch (InterruptedException e) {
            failure = new KanzenException("the scan was interrupted", e);
        } catch (ExecutionException e) {
            failure = e.getCause() instanceof RuntimeException r ? r
                    : new KanzenException("reading the file names failed: " + e.getCause(), e.getCause());
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private Set<String> looseSeriesKeys() throws InterruptedException, ExecutionException {
        if (looseFiles == null) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        for (ParsedFile loose : looseFiles.get()) {
            keys.add(rows.seriesKey(loose));
        }
        return keys;
    }

    private void write(List<ParsedFile> batch, List<ScannedFolders.Folder> folders, List<String> names) {
        if (batch.isEmpty() && folders.isEmpty()) {
            return;
        }
        db.write(c -> {
            rows.write(c, batch);
            ScannedFolders.save(c, libraryId, folders);
            return null;
        });
        written.addAll(names);
        batch.clear();
        folders.clear();
        names.clear();
    }
}
