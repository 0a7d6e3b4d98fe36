package io.kanzen.client.amule;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * EC frames to packets and back, as aMule 2.3.3 writes them ({@code ECSocket.cpp}, {@code ECTag.cpp}).
 *
 * <p>A frame is {@code flags u32, length u32, body}. Kanzen advertises no capability, so it always writes flags
 * {@code 0x20} with fixed-width big-endian numbers; it still reads UTF-8 numbers ({@code 0x02}) and zlib bodies
 * ({@code 0x01}), as {@code amulecmd} and a compressing peer send them. In a tag, children come before the tag's own
 * data, and the length field is a logical length (see {@link EcTag#logicalLength()}).
 */
final class EcCodec {
    static final int FLAGS_PLAIN = 0x20;
    static final int FLAG_ZLIB = 0x01;
    static final int FLAG_UTF8_NUMBERS = 0x02;
    /** aMule closes the socket on anything larger; so do we. */
    static final int MAX_BODY = 16 * 1024 * 1024;
    private static final int UNKNOWN_FLAGS = 0xff7f7f08;

    private EcCodec() {}

    /** The frame, header included. */
    static byte[] encode(EcPacket packet) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packet.opcode());
        u16(body, packet.tags().size());
        for (EcTag t : packet.tags()) {
            writeTag(body, t);
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(body.size() + 8);
        u32(frame, FLAGS_PLAIN);
        u32(frame, body.size());
        frame.writeBytes(body.toByteArray());
        return frame.toByteArray();
    }

    /** Checks a frame header's flags: aMule's own rule, so a stray byte stream is refused rather than misread. */
    static void checkFlags(int flags) {
        if ((flags & 0x60) != 0x20 || (flags & UNKNOWN_FLAGS) != 0) {
            throw new EcProtocolException("not an EC frame (flags 0x" + Integer.toHexString(flags) + ")");
        }
    }

    static EcPacket decode(int flags, byte[] body) {
        checkFlags(flags);
        byte[] plain = body;
        boolean utf8 = false;
        if ((flags & FLAG_ZLIB) != 0) {
            plain = inflate(body);
        } else {
            utf8 = (flags & FLAG_UTF8_NUMBERS) != 0;
        }
        Reader r = new Reader(plain, utf8);
        int opcode = (int) r.number(1);
        int count = (int) r.number(2);
        List<EcTag> tags = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            tags.add(r.tag(0));
        }
        return new EcPacket(opcode, tags);
    }

    private static void writeTag(ByteArrayOutputStream out, EcTag t) {
        boolean parent = !t.children().isEmpty();
        u16(out, t.name() << 1 | (parent ? 1 : 0));
        out.write(t.type());
        u32(out, (int) t.logicalLength());
        if (parent) {
            u16(out, t.children().size());
            for (EcTag c : t.children()) {
                writeTag(out, c);
            }
        }
        out.writeBytes(t.data());
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >> 16);
        out.write(v >> 8);
        out.write(v);
    }

    private static byte[] inflate(byte[] body) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new EcProtocolException("a compressed EC frame is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY) {
                    throw new EcProtocolException("a compressed EC frame inflates past 16 MiB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new EcProtocolException("a compressed EC frame is not valid zlib");
        } finally {
            inflater.end();
        }
    }

    /** Reads numbers fixed-width or UTF-8 encoded, and fails with a message instead of an index error. */
    private static final class Reader {
        private final byte[] b;
        private final boolean utf8;
        private int pos;

        Reader(byte[] b, boolean utf8) {
            this.b = b;
            this.utf8 = utf8;
        }

        EcTag tag(int depth) {
            if (depth > 32) {
                throw new EcProtocolException("EC tags nested too deep");
            }
            int nameField = (int) number(2);
            int type = (int) number(1);
            long length = number(4);
            List<EcTag> children = List.of();
            long childBytes = 0;
            if ((nameField & 1) != 0) {
                int count = (int) number(2);
                children = new ArrayList<>(Math.min(count, 1024));
                for (int i = 0; i < count; i++) {
                    EcTag c = tag(depth + 1);
                    children.add(c);
                    childBytes += c.logicalLength() + 7 + (c.children().isEmpty() ? 0 : 2);
                }
            }
            long own = length - childBytes;
            if (own < 0 || own > b.length - pos) {
                throw new EcProtocolException("an EC tag's length does not fit its frame");
            }
            byte[] data = java.util.Arrays.copyOfRange(b, pos, pos + (int) own);
            pos += (int) own;
            return new EcTag(nameField >>> 1, type, data, children);
        }

        long number(int width) {
            return utf8 ? utf8Number() : fixed(width);
        }

        private long fixed(int width) {
            need(width);
            long v = 0;
            for (int i = 0; i < width; i++) {
                v = v << 8 | (b[pos++] & 0xFF);
            }
            return v;
        }

        /** The old Linux-kernel UTF-8 form aMule uses: up to 6 bytes, 31 bits, no surrogate rules. */
        private long utf8Number() {
            need(1);
            int first = b[pos++] & 0xFF;
            if (first < 0x80) {
                return first;
            }
            int extra = first >= 0xFC ? 5 : first >= 0xF8 ? 4 : first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : -1;
            if (extra < 0) {
                throw new EcProtocolException("a UTF-8 number starts with a continuation byte");
            }
            long v = first & (0x3F >> extra);
            need(extra);
            for (int i = 0; i < extra; i++) {
                int c = b[pos++] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    throw new EcProtocolException("a UTF-8 number is malformed");
                }
                v = v << 6 | (c & 0x3F);
            }
            return v;
        }

        private void need(int n) {
            if (pos + n > b.length) {
                throw new EcProtocolException("an EC frame is cut short");
            }
        }
    }
}
