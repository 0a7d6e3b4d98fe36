package io.kanzen.core.internal.monitor;

import io.kanzen.api.scoring.Rejection;
import io.kanzen.api.scoring.RejectionReason;
import io.kanzen.api.scoring.ScoreComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable codes of the decision engine's explanations, with the parameters each one's text needs: every score part
 * and rejection detail the engine gives carries one, so that a front end says it in the user's language (the web UI's
 * keys are {@code score.<code>} and {@code rejection.<code>}, in {@code texts.js}) while the English sentence stays for
 * logs and the CLI.
 *
 * <p>Parameter names say how a front end shows their values: {@code …Bytes} a size in bytes, {@code …Language} a
 * language code ({@code fr}), {@code …Edition} an edition key ({@code regular}, {@code perfect}), {@code limits} a
 * {@link SizeLimits.Basis} code; any other is shown as it is (names, volume numbers, words).
 */
public final class Explanations {
    private Explanations() {}

    /** The codes of score parts. */
    public enum Part {
        SERIES_SAME("series.same", "name"),
        SERIES_SUBTITLE("series.subtitle", "name", "subtitle"),
        VOLUMES_ONE("volumes.one", "volumes"),
        VOLUMES_MANY("volumes.many", "volumes"),
        LANGUAGE_TAG("language.tag", "language"),
        LANGUAGE_CONVENTION("language.convention", "language", "word"),
        UNTAGGED_NONE("untagged.none", "wantedLanguage"),
        UNTAGGED_CONFLICT("untagged.conflict", "frenchWord", "englishWord", "wantedLanguage"),
        FORMAT("format", "format"),
        SEEDERS("seeders", "seeders");

        private final String code;
        private final List<String> params;

        Part(String code, String... params) {
            this.code = code;
            this.params = List.of(params);
        }

        public String code() {
            return code;
        }

        public List<String> params() {
            return params;
        }

        /** A part named {@code name} worth {@code points}, said in English by {@code why}, with this code and {@code values}. */
        ScoreComponent of(String name, int points, String why, Object... values) {
            return new ScoreComponent(name, points, why, code, named(code, params, values));
        }
    }

    /** The codes of rejection details (the reason says which rule; the detail says what the rule saw). */
    public enum Detail {
        SERIES_OTHER("series.other", "name", "series"),
        SERIES_NONE("series.none", "name", "series"),
        SPECIAL("special"),
        CHAPTERS("chapters", "chapters"),
        PACK_UNNUMBERED("pack.unnumbered"),
        VOLUME_NONE("volume.none"),
        VOLUME_NOT_WANTED("volume.notWanted", "volume"),
        OWNED_ONE("owned.one", "volumes"),
        OWNED_MANY("owned.many", "volumes"),
        EDITION("edition", "foundEdition", "wantedEdition"),
        BLOCKED("blocked"),
        ALREADY_SENT("alreadySent"),
        QUEUED_ONE("queued.one", "volumes"),
        QUEUED_MANY("queued.many", "volumes"),
        LANGUAGE_UNKNOWN_NONE("languageUnknown.none", "wantedLanguage"),
        LANGUAGE_UNKNOWN_CONFLICT("languageUnknown.conflict", "frenchWord", "englishWord", "wantedLanguage"),
        LANGUAGE_TAG("language.tag", "foundLanguage", "wantedLanguage"),
        LANGUAGE_CONVENTION("language.convention", "foundLanguage", "word", "wantedLanguage"),
        FORMAT("format", "format", "accepted"),
        SIZE_BELOW_MINIMUM("size.belowMinimum", "sizeBytes", "minimumBytes", "limits", "ownBytes"),
        SIZE_ABOVE_MAXIMUM("size.aboveMaximum", "sizeBytes", "maximumBytes", "limits", "ownBytes"),
        SIZE_BELOW_PEERS("size.belowPeers", "sizeBytes", "typicalBytes"),
        WORD_REQUIRED("word.required", "word"),
        WORD_IGNORED("word.ignored", "word"),
        NO_SEEDERS("noSeeders"),
        SCORE_BELOW_MINIMUM("score.belowMinimum", "score", "minimum");

        private final String code;
        private final List<String> params;

        Detail(String code, String... params) {
            this.code = code;
            this.params = List.of(params);
        }

        public String code() {
            return code;
        }

        public List<String> params() {
            return params;
        }

        /** A rejection for {@code reason}, said in English by {@code message}, with this code and {@code values}. */
        Rejection of(RejectionReason reason, String message, Object... values) {
            return new Rejection(reason, message, code, named(code, params, values));
        }
    }

    private static Map<String, String> named(String code, List<String> names, Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(code + " takes " + names + ", not " + values.length + " values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(names.get(i), String.valueOf(values[i]));
        }
        return out;
    }
}
