package io.kanzen.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes of the history events the core writes (issue 14 point 1), so that a front end says each in its user's
 * language with the event's parameters. A failure's code is its exception's ({@link KanzenException#codeOf}): the
 * same code, and so the same text, as the problem it also raises; the few failures the core says itself are in
 * {@link #FAILURES}.
 *
 * <p>Parameters, when the event knows them: {@code series}, {@code volume}, {@code source}, {@code client},
 * {@code release} (a release title), {@code query}, {@code results}, {@code detail} (an English sentence, often a
 * plugin's own: for a technical detail only), and for a failure the {@code step} it happened at.
 */
public final class HistoryCodes {
    /** A source answered a search: {@code results} releases for {@code query}. */
    public static final String SEARCHED = "search.done";
    /** A check sent {@code release} to {@code client}. */
    public static final String SENT = "grab.sent";
    /** The user sent a link by hand to {@code client}, for a volume of {@code series}. */
    public static final String SENT_BY_HAND = "grab.byHand";
    /** The user sent a link by hand that matches no series in the libraries ({@code series} is the title given). */
    public static final String SENT_BY_HAND_UNLINKED = "grab.byHandUnlinked";
    /** The user approved the proposal of {@code release}: it went to {@code client}. */
    public static final String PROPOSAL_APPROVED = "grab.proposalApproved";
    /** The user rejected the proposal of {@code release}: it is blocklisted. */
    public static final String PROPOSAL_REJECTED = "proposal.rejected";
    /** The user took back the rejection of {@code release}: it is no longer blocklisted. */
    public static final String PROPOSAL_UNREJECTED = "proposal.unrejected";
    /** The user tied a download to {@code series} (and {@code volume}). */
    public static final String LINKED = "download.linked";
    public static final String CANCELLED = "download.cancelled";
    public static final String RESENT = "download.resent";
    public static final String BLOCKLISTED = "download.blocklisted";
    /** A download was placed in the library: {@code placed} files in {@code folder}. */
    public static final String IMPORTED = "import.done";
    /** As {@link #IMPORTED}, and {@code skipped} files were left (volumes already owned, files with no volume). */
    public static final String IMPORTED_PARTLY = "import.partly";
    /** The client failed or lost a download ({@code detail} says how). */
    public static final String DOWNLOAD_FAILED = "download.failed";
    /** As {@link #DOWNLOAD_FAILED}, and its release is blocklisted, its volume wanted again. */
    public static final String DOWNLOAD_FAILED_BLOCKLISTED = "download.failedBlocklisted";
    /** A download made no progress for the stall timeout and was given up. */
    public static final String STALLED = "download.stalled";
    /** As {@link #STALLED}, and its release is blocklisted, its volume wanted again. */
    public static final String STALLED_BLOCKLISTED = "download.stalledBlocklisted";
    /** A check passed its deadline and was stopped. */
    public static final String CHECK_DEADLINE = "check.deadline";
    /** A notifier could not be set up from its settings. */
    public static final String NOTIFIER_SETUP = "notifier.setup";

    /** The codes above: a front end has a text of its own for each (the web UI's {@code history.msg.<code>}). */
    public static final List<String> MESSAGES = List.of(SEARCHED, SENT, SENT_BY_HAND, SENT_BY_HAND_UNLINKED, PROPOSAL_APPROVED,
            PROPOSAL_REJECTED, PROPOSAL_UNREJECTED, LINKED, CANCELLED, RESENT, BLOCKLISTED, IMPORTED, IMPORTED_PARTLY, DOWNLOAD_FAILED,
            DOWNLOAD_FAILED_BLOCKLISTED, STALLED, STALLED_BLOCKLISTED, CHECK_DEADLINE, NOTIFIER_SETUP);

    /** A check failed ({@code detail}). */
    public static final String CHECK_FAILED = "check.failed";
    /** A notifier failed to send ({@code name}, {@code type}, {@code detail}). */
    public static final String NOTIFIER_FAILED = "notifier.failed";
    /** A notifier did not answer in {@code seconds}. */
    public static final String NOTIFIER_TIMEOUT = "notifier.timeout";
    /** Too many notifications were waiting for a notifier: one was dropped. */
    public static final String NOTIFIER_BUSY = "notifier.busy";

    /**
     * Failures the core says with a code of its own rather than an exception's: they share their text with the
     * problem or error of that code (the web UI's {@code problem.<code>}).
     */
    public static final List<String> FAILURES = List.of(CHECK_FAILED, NOTIFIER_FAILED, NOTIFIER_TIMEOUT, NOTIFIER_BUSY);

    /** Where a failure happened (its {@code step} parameter): a search, a metadata request, an index refresh, a send. */
    public static final String STEP_SEARCH = "search";
    public static final String STEP_METADATA = "metadata";
    public static final String STEP_INDEX = "index";
    public static final String STEP_SEND = "send";
    public static final String STEP_APPROVE = "approve";
    public static final List<String> STEPS = List.of(STEP_SEARCH, STEP_METADATA, STEP_INDEX, STEP_SEND, STEP_APPROVE);

    private HistoryCodes() {}

    /**
     * The parameters of a failure: the context given as name, value pairs, then the failure's own parameters
     * ({@link KanzenException#paramsOf}), which win where both name one.
     */
    public static Map<String, String> failure(Throwable failure, Object... context) {
        Map<String, String> out = new LinkedHashMap<>(KanzenException.pairs(context));
        out.putAll(KanzenException.paramsOf(failure));
        return out;
    }
}
