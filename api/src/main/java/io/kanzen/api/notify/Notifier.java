package io.kanzen.api.notify;

/**
 * Carries notifications to one service (a chat, a push server, a mailbox). The host calls {@link #send} on a thread
 * of its own with a deadline, so a slow service never holds up a check; a notifier still uses the timeouts of
 * {@link io.kanzen.api.PluginContext#http()} and goes through its rate limiter before each call.
 */
public interface Notifier extends AutoCloseable {
    /**
     * Delivers one notification, once.
     *
     * @throws io.kanzen.api.PluginException when the service refuses it or cannot be reached; the message never carries a
     *     secret (a token, a password, a URL holding one)
     */
    void send(Notification notification);

    @Override
    default void close() {}
}
