package io.kanzen.api;

/**
 * What a name says about itself. Every field but {@code special} and {@code completeSeries} may be null when
 * the name does not say it.
 *
 * @param series         the series title, cleaned of tags and numbers
 * @param volume         the volume or volumes (a pack), null for chapter-only releases
 * @param chapter        the chapter or chapters
 * @param language       an ISO 639-1 code ({@code fr}, {@code en}, {@code ja}) or {@code multi}
 * @param format         the file format, lower case ({@code cbz}, {@code pdf}, {@code epub})
 * @param edition        the edition named in the name ({@code Perfect Edition}, {@code Intégrale}, {@code Deluxe})
 * @param group          the release group
 * @param special        a hors-série, one-shot, extra or special rather than a numbered volume
 * @param completeSeries a batch of the whole series with no number ({@code Intégrale}, {@code Complete})
 */
public record ParsedName(
        String series,
        VolumeRange volume,
        VolumeRange chapter,
        String language,
        String format,
        String edition,
        String group,
        boolean special,
        boolean completeSeries) {

    public static final ParsedName EMPTY = new ParsedName(null, null, null, null, null, null, null, false, false);

    public ParsedName {
        series = blankToNull(series);
        language = blankToNull(language);
        format = blankToNull(format);
        edition = blankToNull(edition);
        group = blankToNull(group);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
