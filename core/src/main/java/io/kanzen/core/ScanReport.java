package io.kanzen.core;

import java.time.Duration;
import java.util.List;

/**
 * What one scan of one library found and changed.
 *
 * @param files     volume files seen on disk
 * @param added     files new since the last scan
 * @param changed   files whose size or modification time changed (parsed again)
 * @param unchanged files only stat'ed
 * @param removed   files gone from disk, and so from the library
 * @param foldersUnchanged folders not listed again: unchanged since they were last listed, so were their entries
 *                  (their files are counted in {@code files} and {@code unchanged})
 */
public record ScanReport(
        String library, int series, int files, int added, int changed, int unchanged, int removed, int foldersUnchanged,
        List<ScanProblem> problems, Duration took) {
    public ScanReport {
        problems = List.copyOf(problems);
    }
}
