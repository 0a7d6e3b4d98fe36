package io.kanzen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes the CLI prints. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code [from, to]} with whole numbers as integers (10, not 10.0), or null. */
    static List<Number> range(VolumeRange r) {
        if (r == null) {
            return null;
        }
        List<Number> out = new ArrayList<>(2);
        out.add(number(r.from()));
        out.add(number(r.to()));
        return out;
    }

    static Number number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
    }

    /** The {@code kanzen parse --json} object, in the order the contract lists its keys. */
    static Map<String, Object> parsed(String input, ParsedName n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("series", n.series());
        m.put("volume", range(n.volume()));
        m.put("chapter", range(n.chapter()));
        m.put("language", n.language());
        m.put("format", n.format());
        m.put("edition", n.edition());
        m.put("group", n.group());
        m.put("special", n.special());
        m.put("complete", n.completeSeries());
        return m;
    }
}
