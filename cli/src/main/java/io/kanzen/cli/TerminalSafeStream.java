package io.kanzen.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Everything {@code kanzen} prints passes through here: control characters a terminal would obey (escape
 * sequences, carriage return, backspace, bell, C1 controls, bidi overrides) are written escaped, so a file name or
 * a peer's message cannot rewrite the screen or hide text. Newline and tab, the CLI's own layout, pass.
 * Works on UTF-8 bytes: C0 bytes never occur inside a multi-byte sequence; C1 controls and the bidi overrides are
 * recognised by their lead bytes.
 */
final class TerminalSafeStream extends FilterOutputStream {
    private final byte[] pending = new byte[3];
    private int held;

    TerminalSafeStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        b &= 0xff;
        if (held > 0) {
            pending[held++] = (byte) b;
            resolve();
            return;
        }
        if (b == 0xc2 || b == 0xe2) {
            pending[0] = (byte) b;
            held = 1;
            return;
        }
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f) {
            escape(b);
            return;
        }
        out.write(b);
    }

    private void resolve() throws IOException {
        int lead = pending[0] & 0xff;
        int second = pending[1] & 0xff;
        if (lead == 0xc2) {
            if (second >= 0x80 && second <= 0x9f) {
                escape(second); // U+0080..U+009F
            } else {
                flushPending();
            }
            held = 0;
            return;
        }
        // lead 0xe2: U+202A..U+202E are E2 80 AA..AE, U+2066..U+2069 are E2 81 A6..A9, U+2028/9 are E2 80 A8/A9
        if (second != 0x80 && second != 0x81) {
            flushPending();
            held = 0;
            return;
        }
        if (held < 3) {
            return;
        }
        int third = pending[2] & 0xff;
        int cp = 0x2000 | ((second & 0x3f) << 6) | (third & 0x3f);
        if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029) {
            out.write(String.format("\\u%04x", cp).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } else {
            flushPending();
        }
        held = 0;
    }

    private void flushPending() throws IOException {
        out.write(pending, 0, held);
    }

    private void escape(int b) throws IOException {
        String e = b == '\r' ? "\\r" : String.format("\\x%02x", b);
        out.write(e.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Writes a sequence left incomplete at the end (a split one waits for its next byte, even across flushes). */
    void finish() throws IOException {
        if (held > 0) {
            flushPending();
            held = 0;
        }
        out.flush();
    }
}
