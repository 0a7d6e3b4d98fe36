package io.kanzen.server;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpFields;

/**
 * Headers on every answer. The page loads its script and style from {@code /assets} only (no inline script, so an
 * injected {@code <script>} or {@code onerror=} does not run), may not be framed (clickjacking), content types
 * are not sniffed, and no address leaks in a Referer.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    static void apply(HttpFields.Mutable fields) {
        fields.put("Content-Security-Policy", CSP);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("X-Frame-Options", "DENY");
        fields.put("Referrer-Policy", "no-referrer");
    }
}
