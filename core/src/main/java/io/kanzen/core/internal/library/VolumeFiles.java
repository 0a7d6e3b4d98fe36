package io.kanzen.core.internal.library;

import java.util.Locale;
import java.util.Set;

/** Which files are volumes: the archive and e-book formats collectors keep. */
public final class VolumeFiles {
    public static final Set<String> EXTENSIONS = Set.of("cbz", "cbr", "zip", "rar", "pdf", "epub", "cb7", "7z");

    private VolumeFiles() {}

    /** The lower-case extension of a volume file, or null when the name is not one. */
    public static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return null;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(ext) ? ext : null;
    }
}
