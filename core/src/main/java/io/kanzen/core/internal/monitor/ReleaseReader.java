package io.kanzen.core.internal.monitor;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.api.Release;

/**
 * Reads a release for one series: which series it names ({@link SeriesIdentity}), then, once the series' own name
 * is known, the rest of the title alone for volumes, chapters and tags, so that a number that belongs to the
 * title ({@code Kaiju No. 8}, {@code Series 03}) is never taken for a volume; then the edition and the language from
 * that rest too, so that a title's own words ({@code French Kiss}, {@code Perfect World}) do not count as tags.
 */
public final class ReleaseReader {
    /** Stands for the series' name when the rest of a title is read: a plain word the parser takes as a title. */
    private static final String PLACEHOLDER = "Kanzen";

    private final NameParser parser;
    private final SeriesIdentity identity;

    public ReleaseReader(NameParser parser, SeriesIdentity identity) {
        this.parser = parser;
        this.identity = identity;
    }

    /**
     * @param release  the release, with the source's parse
     * @param match    the series verdict
     * @param edition  the edition key ({@link ReleaseEdition}), {@link ReleaseEdition#REGULAR} when none is named
     * @param language the language shown and how
     */
    public record ReadRelease(Release release, SeriesIdentity.Match match, String edition, ReleaseLanguage.Reading language) {}

    public ReadRelease read(Release r) {
        ParsedName original = r.parsed() == ParsedName.EMPTY ? parser.parse(r.title()) : r.parsed();
        SeriesIdentity.Match match = identity.match(r.title(), original.series());
        ParsedName parsed = original;
        String rest = r.title();
        if (match.nameEnd() > 0) {
            rest = r.title().substring(match.nameEnd());
            ParsedName tail = parser.parse(PLACEHOLDER + rest);
            parsed = new ParsedName(match.accepted() ? match.name() : original.series(), tail.volume(), tail.chapter(),
                    tail.language() != null ? tail.language() : original.language(),
                    tail.format() != null ? tail.format() : original.format(),
                    tail.edition() != null ? tail.edition() : null,
                    original.group() != null ? original.group() : tail.group(), tail.special(), tail.completeSeries());
        }
        String edition = ReleaseEdition.of(rest).orElse(ReleaseEdition.REGULAR);
        if (edition.equals("integrale") && isWholeRun(parsed)) {
            edition = ReleaseEdition.REGULAR; // "Tomes 1 à 100 - Intégrale": the whole run of regular volumes, not the Intégrale edition
        }
        ReleaseLanguage.Reading language = ReleaseLanguage.of(parsed.language(), rest);
        return new ReadRelease(r.withParsed(parsed), match, edition, language);
    }

    /** A pack from volume 1 of at least {@link #WHOLE_RUN} volumes: what French packs call "l'intégrale". */
    private static boolean isWholeRun(ParsedName n) {
        return n.volume() != null && n.volume().from() == 1 && n.volume().to() - n.volume().from() + 1 >= WHOLE_RUN;
    }

    static final int WHOLE_RUN = 5;
}
