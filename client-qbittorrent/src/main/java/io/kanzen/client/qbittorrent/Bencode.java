package io.kanzen.client.qbittorrent;

import java.nio.charset.StandardCharsets;

/**
 * Just enough bencode to find the byte span of a .torrent's {@code info} dictionary, whose SHA-1 is the info-hash.
 * Walks the structure without building it; refuses anything malformed with a message, never an index error.
 */
final class Bencode {
    record Span(int start, int end) {}

    private final byte[] b;
    private int pos;

    private Bencode(byte[] b) {
        this.b = b;
    }

    static Span infoDictionary(byte[] torrent) {
        Bencode p = new Bencode(torrent);
        p.expect('d');
        while (p.peek() != 'e') {
            String key = p.string();
            int start = p.pos;
            p.skipValue(0);
            if (key.equals("info")) {
                if (torrent[start] != 'd') {
                    throw new IllegalArgumentException("not a torrent file: 'info' is not a dictionary");
                }
                return new Span(start, p.pos);
            }
        }
        throw new IllegalArgumentException("not a torrent file: it has no 'info' dictionary");
    }

    private void skipValue(int depth) {
        if (depth > 64) {
            throw new IllegalArgumentException("not a torrent file: nested too deep");
        }
        byte c = peek();
        if (c == 'i') {
            pos++;
            while (peek() != 'e') {
                pos++;
            }
            pos++;
        } else if (c == 'l' || c == 'd') {
            pos++;
            while (peek() != 'e') {
                if (c == 'd') {
                    string();
                }
                skipValue(depth + 1);
            }
            pos++;
        } else if (c >= '0' && c <= '9') {
            string();
        } else {
            throw new IllegalArgumentException("not a torrent file: unexpected byte at " + pos);
        }
    }

    private String string() {
        int length = 0;
        while (peek() != ':') {
            byte d = b[pos++];
            if (d < '0' || d > '9' || length > 100_000_000) {
                throw new IllegalArgumentException("not a torrent file: bad string length at " + pos);
            }
            length = length * 10 + (d - '0');
        }
        pos++;
        if (pos + length > b.length) {
            throw new IllegalArgumentException("not a torrent file: it is cut short");
        }
        String s = new String(b, pos, length, StandardCharsets.ISO_8859_1);
        pos += length;
        return s;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("not a torrent file: expected '" + c + "' at " + pos);
        }
        pos++;
    }

    private byte peek() {
        if (pos >= b.length) {
            throw new IllegalArgumentException("not a torrent file: it is cut short");
        }
        return b[pos];
    }
}
