package io.kanzen.notifier.http;

import java.net.URI;

/** Joins a base address the user typed (with or without a trailing slash) and a path. */
final class Urls {
    private Urls() {}

    static URI join(String base, String path) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(b + path);
    }
}
