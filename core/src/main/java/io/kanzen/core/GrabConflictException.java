package io.kanzen.core;

/**
 * A grab by hand that would bring a volume the collection has or is getting: refused unless forced (the API answers
 * 409 with the reason, the CLI asks for {@code --force}).
 */
public final class GrabConflictException extends KanzenException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The volume is in the library. */
        OWNED,
        /** Another download already holds the volume. */
        HELD,
        /** This very link was already sent for the series. */
        SAME_LINK
    }

    private final Reason reason;

    public GrabConflictException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A conflict with the parameters of its text (series, volume, download, state). */
    public GrabConflictException(Reason reason, java.util.Map<String, ?> params, String message) {
        super(null, params, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** {@code grab.owned}, {@code grab.held} or {@code grab.sameLink}. */
    @Override
    protected String fallbackCode() {
        return switch (reason) {
            case OWNED -> "grab.owned";
            case HELD -> "grab.held";
            case SAME_LINK -> "grab.sameLink";
        };
    }
}
