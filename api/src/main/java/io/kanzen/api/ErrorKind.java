package io.kanzen.api;

/** What went wrong with a peer, so that the engine can choose a policy without reading messages. */
public enum ErrorKind {
    /** The settings are incomplete or invalid: tell the user, do not retry. */
    CONFIGURATION,
    /** The peer refused the credentials (HTTP 401/403, a wrong password). */
    AUTHENTICATION,
    /** The peer asked us to slow down (HTTP 429); {@link PluginException#retryAfter()} may say for how long. */
    RATE_LIMITED,
    /** The peer cannot be reached or failed on its side (5xx, timeout, connection refused). */
    UNAVAILABLE,
    /** The peer banned us or put a challenge in front of us (ban page, Cloudflare): stop and alert. */
    BLOCKED,
    /** The peer answered something we cannot read (malformed JSON, an unexpected page). */
    BAD_RESPONSE
}
