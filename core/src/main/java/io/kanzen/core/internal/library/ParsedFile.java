package io.kanzen.core.internal.library;

import io.kanzen.api.ParsedName;
import java.util.Comparator;

/** A file a scan (re)writes, with what its name says. */
record ParsedFile(SeenFile file, ParsedName name) {
    /** Path order: the order the {@code (library_id, path)} index is cheapest to grow in. */
    static final Comparator<ParsedFile> BY_PATH = (a, b) -> a.file().path().compareTo(b.file().path());

    /** Whether the name gives a volume, a chapter or a special: a file without is reported by every scan. */
    boolean numbered() {
        return name.volume() != null || name.chapter() != null || name.special();
    }

    /** A folder names its series; a loose file takes the series its name gives, or its bare name. */
    String seriesTitle() {
        if (file.series() != null) {
            return file.series();
        }
        if (name.series() != null) {
            return name.series();
        }
        String n = file.fileName();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
