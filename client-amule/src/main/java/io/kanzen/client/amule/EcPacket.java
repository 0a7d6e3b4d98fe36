package io.kanzen.client.amule;

import java.util.List;
import java.util.Optional;

/** One EC request or reply: an opcode ({@code EC_OP_*}) and its top-level tags. */
record EcPacket(int opcode, List<EcTag> tags) {
    EcPacket {
        tags = List.copyOf(tags);
    }

    static EcPacket of(int opcode, EcTag... tags) {
        return new EcPacket(opcode, List.of(tags));
    }

    Optional<EcTag> tag(int name) {
        return tags.stream().filter(t -> t.name() == name).findFirst();
    }

    List<EcTag> all(int name) {
        return tags.stream().filter(t -> t.name() == name).toList();
    }
}
