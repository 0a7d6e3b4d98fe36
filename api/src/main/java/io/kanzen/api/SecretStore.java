package io.kanzen.api;

import java.util.Optional;

/**
 * Secrets a plugin keeps between runs (a session cookie, a token it obtained), encrypted at rest by the host
 * and scoped to the plugin: two plugins never see each other's keys. Values are never logged.
 */
public interface SecretStore {
    /** The value stored under {@code key}, decrypted; empty when none is. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}, replacing any previous one; encrypted before it reaches the disk. */
    void put(String key, String value);

    /** Forgets {@code key}; nothing happens when it is not stored. */
    void remove(String key);
}
