package io.kanzen.bench.decisions;

/**
 * What a release really is, written by the generator when it names the release: the answer key judges from this,
 * never from the title, so the key does not depend on any parser.
 *
 * @param work            the work it belongs to (a library folder's title when it is that series)
 * @param subtitledSpinoff a spin-off named "Title - Subtitle"
 * @param edition         null for the regular edition, else the edition's name
 * @param language        fr, en, de, it, es
 * @param languageTagged  whether the title says its language outright (FR, VF, ENG...)
 * @param chapter         a chapter release (from..to are chapter numbers then)
 * @param from            first volume (or chapter) it brings
 * @param to              last volume (or chapter) it brings; equal to from for a single
 */
public record Truth(String work, boolean subtitledSpinoff, String edition, String language, boolean languageTagged, boolean chapter,
        int from, int to) {
    public Truth {
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " > to " + to);
        }
    }

    public int volumeCount() {
        return to - from + 1;
    }
}
