package io.kanzen.client.amule;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One tag of aMule's External Connections protocol: a name, a type, its own data and child tags.
 *
 * @param name the tag name ({@code EC_TAG_*}), without the has-children bit
 */
record EcTag(int name, int type, byte[] data, List<EcTag> children) {
    static final int TYPE_CUSTOM = 1;
    static final int TYPE_UINT8 = 2;
    static final int TYPE_UINT16 = 3;
    static final int TYPE_UINT32 = 4;
    static final int TYPE_UINT64 = 5;
    static final int TYPE_STRING = 6;
    static final int TYPE_HASH16 = 9;

    EcTag {
        data = data == null ? new byte[0] : data;
        children = children == null ? List.of() : List.copyOf(children);
    }

    static EcTag string(int name, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return new EcTag(name, TYPE_STRING, Arrays.copyOf(utf8, utf8.length + 1), List.of()); // with its trailing NUL
    }

    static EcTag uint16(int name, int value) {
        return new EcTag(name, TYPE_UINT16, new byte[] {(byte) (value >> 8), (byte) value}, List.of());
    }

    static EcTag hash16(int name, byte[] hash) {
        if (hash.length != 16) {
            throw new IllegalArgumentException("a HASH16 tag holds 16 bytes");
        }
        return new EcTag(name, TYPE_HASH16, hash, List.of());
    }

    /** The logical length aMule writes: own data plus each child's length and its fixed 7 (or 9) header bytes. */
    long logicalLength() {
        long n = data.length;
        for (EcTag c : children) {
            n += c.logicalLength() + 7 + (c.children().isEmpty() ? 0 : 2);
        }
        return n;
    }

    Optional<EcTag> child(int childName) {
        return children.stream().filter(c -> c.name() == childName).findFirst();
    }

    /** An integer tag, whatever width aMule chose for it (it sends the narrowest that fits). */
    long asLong() {
        if (type < TYPE_UINT8 || type > TYPE_UINT64 || data.length > 8) {
            throw new IllegalStateException("tag 0x" + Integer.toHexString(name) + " is not an integer (type " + type + ")");
        }
        long v = 0;
        for (byte b : data) {
            v = v << 8 | (b & 0xFF);
        }
        return v;
    }

    String asString() {
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    String asHex() {
        return HexFormat.of().formatHex(data);
    }

    long childLong(int childName, long otherwise) {
        return child(childName).map(EcTag::asLong).orElse(otherwise);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcTag t && t.name == name && t.type == type && Arrays.equals(t.data, data) && t.children.equals(children);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name + type) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "EcTag[0x" + Integer.toHexString(name) + " type " + type + " " + data.length + " bytes, " + children.size() + " children]";
    }
}
