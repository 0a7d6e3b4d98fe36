package io.kanzen.scorer.rules;

import io.kanzen.api.PluginConfig;
import io.kanzen.api.Release;
import io.kanzen.api.WantedVolume;
import io.kanzen.api.scoring.Score;
import io.kanzen.api.scoring.ScoreComponent;
import io.kanzen.api.scoring.Scorer;
import io.kanzen.api.scoring.ScorerVerdict;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * One rule set. Built once from its settings (a bad expression or weight is refused there, in words), then pure.
 *
 * @param series         title keys of the series it applies to, empty for all
 * @param reject         titles to refuse, or null
 * @param require        titles to require, or null
 * @param rejectGroups   group keys to refuse
 * @param preferredGroups group key to points
 * @param preferredWords word (lower case) to points
 */
record FilterRules(Set<String> series, Pattern reject, Pattern require, Set<String> rejectGroups, Map<String, Integer> preferredGroups,
        Map<String, Integer> preferredWords) implements Scorer {

    static FilterRules from(PluginConfig config) {
        return new FilterRules(config.list("series").stream().map(FilterRules::key).collect(Collectors.toSet()),
                pattern("reject", config.get("reject").orElse(null)), pattern("require", config.get("require").orElse(null)),
                config.list("rejectGroups").stream().map(FilterRules::key).collect(Collectors.toSet()),
                weights("preferredGroups", config.list("preferredGroups"), true), weights("preferredWords", config.list("preferredWords"), false));
    }

    private static Pattern pattern(String setting, String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(setting + ": '" + regex + "' is not a valid regular expression (" + e.getDescription() + ")");
        }
    }

    private static Map<String, Integer> weights(String setting, List<String> entries, boolean keyed) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(setting + ": '" + entry + "' is not WORD=points");
            }
            int points;
            try {
                points = Integer.parseInt(entry.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(setting + ": the points of '" + entry + "' are not a whole number");
            }
            if (Math.abs(points) > 1000) {
                throw new IllegalArgumentException(setting + ": points stay between -1000 and 1000");
            }
            String word = entry.substring(0, eq).strip();
            out.put(keyed ? key(word) : word.toLowerCase(Locale.ROOT), points);
        }
        return Map.copyOf(out);
    }

    /** Case, accents and punctuation aside, as Kanzen compares titles. */
    static String key(String text) {
        String d = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private boolean applies(WantedVolume wanted) {
        return series.isEmpty() || wanted.titles().stream().anyMatch(t -> series.contains(key(t)));
    }

    @Override
    public Score score(Release candidate, WantedVolume wanted) {
        return judge(candidate, wanted).score();
    }

    @Override
    public ScorerVerdict judge(Release candidate, WantedVolume wanted) {
        List<ScoreComponent> parts = new ArrayList<>();
        if (!applies(wanted)) {
            return ScorerVerdict.accept(Score.of(parts));
        }
        String title = candidate.title();
        String lower = title.toLowerCase(Locale.ROOT);
        String group = candidate.parsed().group() == null ? "" : key(candidate.parsed().group());
        preferredWords.forEach((word, points) -> {
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(lower).find()) {
                parts.add(new ScoreComponent("word", points, "the title has \"" + word + "\""));
            }
        });
        if (!group.isEmpty() && preferredGroups.containsKey(group)) {
            parts.add(new ScoreComponent("group", preferredGroups.get(group), "released by " + candidate.parsed().group()));
        }
        Score score = Score.of(parts);
        if (reject != null && reject.matcher(title).find()) {
            return ScorerVerdict.reject(score, "the title matches the refused pattern " + reject.pattern());
        }
        if (require != null && !require.matcher(title).find()) {
            return ScorerVerdict.reject(score, "the title does not match the required pattern " + require.pattern());
        }
        if (!group.isEmpty() && rejectGroups.contains(group)) {
            return ScorerVerdict.reject(score, "the group " + candidate.parsed().group() + " is refused");
        }
        return ScorerVerdict.accept(score);
    }
}
