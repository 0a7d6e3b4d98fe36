package io.kanzen.bench.decisions;

/**
 * Why a release is wrong for a series, by the conventions a French collector of the regular edition goes by. Each
 * family is planted as several generated variants, never as one string.
 */
public enum Family {
    OTHER_SERIES("another work: a sibling, spin-off or sequel (Super, Gaiden, Party, :re, Next Generations...) or an unrelated title that starts alike"),
    SPINOFF_SUBTITLE("a spin-off named \"Title - Subtitle\", like the same work's own subtitle forms: told apart only by knowing the work (metadata, aliases)"),
    CHAPTER("a chapter numbered like a wanted volume, not a volume"),
    OTHER_EDITION("another edition (Perfect, Deluxe, Kanzenban, Black, Ultimate, Double, Intégrale, originale, Full Color...): it splits volumes differently"),
    ENGLISH_UNTAGGED("English by its conventions only (vNN, Vol., (Digital), Viz/Yen Press/Kodansha), no language tag"),
    ENGLISH_TAGGED("tagged English (ENG, EN, English)"),
    OTHER_LANGUAGE("another language (German, Italian, Spanish)"),
    FAKE_SIZE("far too small to hold a volume (kilobytes): a fake, whatever its seeders"),
    ABSURD_SIZE("far too large for what it claims to hold (tens of gigabytes for a volume)"),
    DEAD("no seeder: it would never download"),
    OWNED_OVERLAP("a pack that also brings volumes already owned"),
    OWNED("only volumes already owned"),
    NOT_WANTED("volumes that are neither owned nor wanted");

    private final String meaning;

    Family(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
