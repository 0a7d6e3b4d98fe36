package io.kanzen.core.internal.library;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.core.internal.parse.FileNameParser;

/**
 * Reads a file name where the scanner knows its series folder. Out of context, a bare number is a chapter
 * ({@code Bleach 042}, the convention of scanlation names); inside the folder of a volume-based library, a file
 * named by the series and a bare number ({@code Berserk/Berserk 05.cbz}, {@code Berserk - 05.cbz}, {@code 05.cbz})
 * is a volume, and {@code Berserk 01-03.cbz} covers volumes 1 to 3. A chapter marker ({@code Ch}, {@code Chapitre},
 * {@code c012}) keeps a chapter a chapter, and so does a chapter-based library. Specials (hors-série, one-shot,
 * artbook, guidebook) are never volumes.
 *
 * <p>Public (in an internal package) for bench's {@code ParserOracle} and {@code ParserColdRun}, which read names the
 * way a scan does.
 */
public final class SeriesFolderReading {
    private final NameParser parser;

    public SeriesFolderReading(NameParser parser) {
        this.parser = parser;
    }

    /**
     * @param folder the series folder's name, or null for a loose file at the library root (no context: the name
     *     is read as it is)
     */
    public ParsedName read(String fileName, String folder, boolean chapterBased) {
        ParsedName name = parser.parse(fileName);
        if (folder == null || chapterBased || name.volume() != null || name.special() || name.completeSeries()
                || FileNameParser.namesAChapter(fileName)) {
            return name;
        }
        // The series' own title may carry a number ("Mob Psycho 100 05.cbz"): only what follows it is read.
        String rest = afterTitle(fileName, folder);
        ParsedName own = rest == null ? name : parser.parse(rest);
        if (own.chapter() == null || own.volume() != null || own.special()) {
            return rest == null ? name : withNumbers(name, own.volume(), own.chapter());
        }
        return withNumbers(name, own.chapter(), null);
    }

    private static ParsedName withNumbers(ParsedName n, io.kanzen.api.VolumeRange volume, io.kanzen.api.VolumeRange chapter) {
        return new ParsedName(n.series(), volume, chapter, n.language(), n.format(), n.edition(), n.group(), n.special(),
                n.completeSeries());
    }

    /**
     * What follows the folder's title at the start of the file name, comparing letters and digits only and ignoring
     * case ("Kaiju No. 8" matches "Kaiju No 8 - 03.cbz"); null when the name does not start with the title.
     */
    static String afterTitle(String fileName, String folder) {
        int f = 0, n = 0, matched = 0;
        while (true) {
            while (f < folder.length() && !Character.isLetterOrDigit(folder.charAt(f))) {
                f++;
            }
            while (n < fileName.length() && !Character.isLetterOrDigit(fileName.charAt(n)) && f < folder.length()) {
                n++;
            }
            if (f == folder.length()) {
                break;
            }
            if (n == fileName.length() || Character.toLowerCase(folder.charAt(f)) != Character.toLowerCase(fileName.charAt(n))) {
                return null;
            }
            f++;
            n++;
            matched++;
        }
        if (matched == 0 || n < fileName.length() && Character.isLetterOrDigit(fileName.charAt(n))) {
            return null; // "Berserker 05" is not "Berserk" followed by a number
        }
        return fileName.substring(n);
    }
}
