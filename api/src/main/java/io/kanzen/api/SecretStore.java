package io.kanzen.api;

import java.util.Optional;

/**
 * Secrets a plugin keeps between runs (a session cookie, a token it obtained), encrypted at rest by the host
 * and scoped to the plugin: two plugins never see each other's keys. Values are never logged.
 */
public interface SecretStore {
    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);
}
