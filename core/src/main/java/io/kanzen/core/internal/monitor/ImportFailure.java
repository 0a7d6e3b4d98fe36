package io.kanzen.core.internal.monitor;

import io.kanzen.core.KanzenException;

/** An import that could not be done, with a stable code (for the UI's translations) and a sentence saying why. */
public final class ImportFailure extends KanzenException {
    private static final long serialVersionUID = 1L;

    public enum Code {
        /** A hand grab tied to no series: link it first. */
        NOT_LINKED,
        /** Its series or library is no longer in the library. */
        SERIES_GONE,
        /** The client did not say where the files are. */
        NO_PATH,
        /** The files are not where the client (after path mapping) says. */
        NOT_FOUND,
        /** The download holds no volume file. */
        NO_VOLUME_FILE,
        /** Its files give no volume number, and the grab none either: link it with its volume. */
        NO_VOLUME_NUMBER,
        PERMISSION,
        NO_SPACE,
        IO
    }

    private final Code code;

    public ImportFailure(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ImportFailure(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** What went wrong, as an enum (the stable text code is {@link #code()}: {@code import.notLinked}...). */
    public Code kind() {
        return code;
    }

    @Override
    protected String fallbackCode() {
        String[] words = code.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder("import.").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** {@code CODE: sentence}, as kept on the grab and in history. */
    public String describe() {
        return code.name() + ": " + getMessage();
    }
}
