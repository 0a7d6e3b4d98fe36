package io.kanzen.core.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;

/** Reads a compact expectation ("3", "1-4", "-" for none) against the parser, for the convention tests. */
final class ParsedNames {
    private static final FileNameParser PARSER = new FileNameParser();

    private ParsedNames() {}

    static ParsedName parse(String name) {
        return PARSER.parseStrict(name);
    }

    /** Checks the series, the volume and the chapter of {@code name}; {@code -} means none. */
    static void reads(String name, String series, String volume, String chapter) {
        ParsedName n = parse(name);
        assertThat(n.series()).as("series of %s", name).isEqualTo(series.equals("-") ? null : series);
        assertThat(n.volume()).as("volume of %s", name).isEqualTo(range(volume));
        assertThat(n.chapter()).as("chapter of %s", name).isEqualTo(range(chapter));
    }

    static VolumeRange range(String text) {
        if (text.equals("-")) {
            return null;
        }
        int dash = text.indexOf('-', 1);
        return dash < 0 ? VolumeRange.of(Double.parseDouble(text))
                : VolumeRange.of(Double.parseDouble(text.substring(0, dash)), Double.parseDouble(text.substring(dash + 1)));
    }
}
