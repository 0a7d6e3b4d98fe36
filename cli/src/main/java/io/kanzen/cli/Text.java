package io.kanzen.cli;

/**
 * What the CLI prints from data (file names, titles, peers' messages) goes through here: control characters are
 * shown escaped, so a crafted name cannot move the cursor, rewrite the screen or fake another line.
 */
final class Text {
    private Text() {}

    /** {@code s} with C0/C1 control characters (tab and newline included) and DEL escaped as {@code \\xNN} or {@code \\uNNNN}. */
    static String safe(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'); // line separators, bidi overrides
            if (control && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\t') {
                    out.append("\\t");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c < 0x100) {
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
