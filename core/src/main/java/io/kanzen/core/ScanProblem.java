package io.kanzen.core;

/** Something a scan could not read or understand; reported, never fatal. */
public record ScanProblem(Kind kind, String path, String message) {
    public enum Kind {
        /** The library root is gone or is not a folder (an unmounted drive): nothing was removed. */
        MISSING_FOLDER,
        /** A folder or file could not be read. */
        UNREADABLE,
        /** A volume file whose name gives no volume or chapter number. */
        NO_NUMBER
    }
}
