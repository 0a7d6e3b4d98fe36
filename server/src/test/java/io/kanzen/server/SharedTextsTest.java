package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.DownloadState;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.notify.NotificationType;
import io.kanzen.api.scoring.RejectionReason;
import io.kanzen.api.source.PublicationStatus;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.Health;
import io.kanzen.core.HistoryCodes;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.KanzenException;
import io.kanzen.core.ScanProblem;
import io.kanzen.core.internal.monitor.Explanations;
import io.kanzen.core.internal.monitor.ImportFailure;
import io.kanzen.core.internal.monitor.ReleaseEdition;
import io.kanzen.core.internal.monitor.SizeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared texts of the web UI ({@code assets/js/texts.js}) say, in French and in English, every value the API
 * returns: error and problem codes (found in the sources where they are thrown), rejection reasons, download states,
 * history kinds, statuses, notification types. A new enum constant or code without its texts fails here.
 */
class SharedTextsTest {
    private static final Path TEXTS = Path.of("src/main/resources/public/assets/js/texts.js");
    private static final Pattern KEY = Pattern.compile("(?:'([^'\\n]+)'|\"([^\"\\n]+)\"|\\b([A-Za-z_][\\w]*))\\s*:\\s*['\"`]");
    private static final String CODE = "\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z]+)*)\"";
    /** Where codes are thrown: the literal right after these openings is an error code. */
    private static final List<Pattern> ERROR_SITES = List.of(
            Pattern.compile("new KanzenException\\(\\s*" + CODE + ",\\s*KanzenException\\.pairs"),
            Pattern.compile("InvalidSettingException\\([^;]+?,\\s*" + CODE + ",\\s*(?:Map\\.of|KanzenException\\.pairs|null)"),
            Pattern.compile("new ApiException\\(\\d+,\\s*(?:\\w+ \\? )?" + CODE + "(?: : " + CODE + ")?,"),
            Pattern.compile("badInput\\([^,]+,\\s*" + CODE + ","),
            Pattern.compile("error\\(ctx, \\d+,\\s*" + CODE + ","),
            Pattern.compile("case \\w+ -> \"((?:setting|grab)\\.[a-zA-Z]+)\";"),
            Pattern.compile("case \\d+(?:, \\d+)* -> " + CODE + ";")); // ApiException's codes by status
    private static final Pattern PROBLEM_SITE = Pattern.compile("Problem\\.of\\(\\s*" + CODE + ",");

    /**
     * The keys of {@code lang} in texts.js (the i18n block SHARED_FR/SHARED_EN and the other branches' fr/en blocks)
     * and in the page modules, which all register their texts at start (pages/index.js imports them all).
     */
    private static Set<String> keys(String lang) throws IOException {
        return keys(lang, true);
    }

    private static Set<String> keys(String lang, boolean withPages) throws IOException {
        String shared = Files.readString(TEXTS);
        assertThat(shared).as("texts.js has its SHARED_FR and SHARED_EN blocks").contains("const SHARED_FR = {", "const SHARED_EN = {");
        StringBuilder all = new StringBuilder(shared);
        try (Stream<Path> pages = withPages ? Files.list(TEXTS.resolveSibling("pages")) : Stream.empty()) {
            for (Path p : pages.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                all.append('\n').append(Files.readString(p));
            }
        }
        String js = all.toString();
        Pattern section = Pattern.compile("(?:\\b(fr|en)\\s*:\\s*\\{|const SHARED_(FR|EN)\\s*=\\s*\\{)");
        Set<String> out = new TreeSet<>();
        Matcher s = section.matcher(js);
        List<int[]> starts = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        while (s.find()) {
            starts.add(new int[] {s.end()});
            langs.add((s.group(1) != null ? s.group(1) : s.group(2)).toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < starts.size(); i++) {
            if (!langs.get(i).equals(lang)) {
                continue;
            }
            int from = starts.get(i)[0];
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : js.length();
            Matcher m = KEY.matcher(js.substring(from, to));
            while (m.find()) {
                out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
        assertThat(js).as("texts.js reads an error met as a problem with its error text").contains("dict['problem.' + k.slice(6)] = v");
        for (String k : List.copyOf(out)) {
            if (k.startsWith("error.")) {
                out.add("problem." + k.substring("error.".length()));
            }
        }
        return out;
    }

    /** The literal codes of the sources under {@code dirs} thrown at {@code sites}. */
    private static Set<String> codes(List<Pattern> sites, String... dirs) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String dir : dirs) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                files = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path f : files) {
                String src = Files.readString(f);
                for (Pattern site : sites) {
                    Matcher m = site.matcher(src);
                    while (m.find()) {
                        for (int g = 1; g <= m.groupCount(); g++) {
                            if (m.group(g) != null) {
                                out.add(m.group(g));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> wanted() throws IOException {
        List<String> wanted = new ArrayList<>();
        Set<String> errors = codes(ERROR_SITES, "../core/src/main/java", "src/main/java");
        assertThat(errors).as("error codes found in the sources (the scan itself works)").hasSizeGreaterThan(60)
                .contains("library.notFound", "login.wrong", "input.required", "setting.notUrl", "grab.owned");
        errors.remove(KanzenException.GENERIC); // the generic code reads as the server's own sentence
        errors.addAll(List.of("setting.invalid", "check.busy")); // the fallback codes of their exception classes
        errors.forEach(c -> wanted.add("error." + c));
        Set<String> problems = codes(List.of(PROBLEM_SITE), "../core/src/main/java");
        assertThat(problems).as("problem codes found in the sources").contains("source.backedOff", "client.unreachable", "scorer.skipped");
        problems.forEach(c -> wanted.add("problem." + c));
        for (ErrorKind k : ErrorKind.values()) {
            wanted.add("error." + KanzenException.pluginCode(k));
            wanted.add("problem." + KanzenException.pluginCode(k));
        }
        for (String c : List.of("plugin.timeout", "plugin.crash")) {
            wanted.add("error." + c);
            wanted.add("problem." + c);
        }
        for (GrabConflictException.Reason r : GrabConflictException.Reason.values()) {
            wanted.add("error." + new GrabConflictException(r, "x").code());
        }
        for (ImportFailure.Code c : ImportFailure.Code.values()) {
            String code = new ImportFailure(c, "x").code();
            wanted.add("error." + code);
            wanted.add("problem." + code);
        }
        for (RejectionReason r : RejectionReason.values()) {
            wanted.add("reason." + r.name());
        }
        // the decision engine's explanations: every score part and rejection detail code, where size limits come from,
        // and every edition a detail may name (its own and the series')
        for (Explanations.Part c : Explanations.Part.values()) {
            wanted.add("score." + c.code());
        }
        for (Explanations.Detail c : Explanations.Detail.values()) {
            wanted.add("rejection." + c.code());
        }
        for (SizeLimits.Basis b : SizeLimits.Basis.values()) {
            wanted.add("explain.limits." + b.code());
        }
        wanted.add("explain.pluginText");
        wanted.add("explain.englishText");
        wanted.add("edition." + ReleaseEdition.REGULAR);
        ReleaseEdition.keys().forEach(k -> wanted.add("edition." + k));
        for (Grab.State s : Grab.State.values()) {
            wanted.add("grab.state." + lower(s));
        }
        for (DownloadState s : DownloadState.values()) {
            wanted.add("client.state." + lower(s));
        }
        for (HistoryEvent.Kind k : HistoryEvent.Kind.values()) {
            wanted.add("history.kind." + lower(k));
        }
        // histcodes: every code a history event may carry has its text (a failure's exception code is an error code above)
        HistoryCodes.MESSAGES.forEach(c -> wanted.add("history.msg." + c));
        HistoryCodes.FAILURES.forEach(c -> wanted.add("problem." + c));
        HistoryCodes.STEPS.forEach(s -> wanted.add("history.step." + s));
        wanted.add("history.detail");
        for (PublicationStatus s : PublicationStatus.values()) {
            wanted.add("series.status." + lower(s));
        }
        for (NotificationType t : NotificationType.values()) {
            wanted.add("notification." + t.code());
        }
        for (LinkKind k : LinkKind.values()) {
            wanted.add("link.kind." + lower(k));
        }
        for (Health.Status s : Health.Status.values()) {
            wanted.add("health." + lower(s));
        }
        for (ScanProblem.Kind k : ScanProblem.Kind.values()) {
            wanted.add("scan." + lower(k));
        }
        return wanted;
    }

    @Test
    void everyCodeAndEnumValueTheApiReturnsHasAFrenchText() throws IOException {
        Set<String> fr = keys("fr");
        assertThat(wanted()).filteredOn(k -> !fr.contains(k)).as("keys without a French text in texts.js").isEmpty();
    }

    @Test
    void everyCodeAndEnumValueTheApiReturnsHasAnEnglishText() throws IOException {
        Set<String> en = keys("en");
        assertThat(wanted()).filteredOn(k -> !en.contains(k)).as("keys without an English text in texts.js").isEmpty();
    }

    @Test
    void bothLanguagesOfTheSharedTextsHaveTheSameKeys() throws IOException {
        Set<String> fr = keys("fr", false);
        Set<String> en = keys("en", false);
        assertThat(fr).as("French keys missing in English").isSubsetOf(en);
        assertThat(en).as("English keys missing in French").isSubsetOf(fr);
    }

    /** An explanation's text fills its placeholders from the values its code gives: none is left unfilled on screen. */
    @Test
    void everyExplanationTextUsesOnlyTheValuesItsCodeGives() throws IOException {
        String js = Files.readString(TEXTS);
        List<String> wrong = new ArrayList<>();
        Map<String, List<String>> codes = new java.util.LinkedHashMap<>();
        for (Explanations.Part c : Explanations.Part.values()) {
            codes.put("score." + c.code(), c.params());
        }
        for (Explanations.Detail c : Explanations.Detail.values()) {
            codes.put("rejection." + c.code(), c.params());
        }
        codes.forEach((key, params) -> {
            Matcher m = Pattern.compile("'" + Pattern.quote(key) + "':\\s*'([^'\\n]*)'").matcher(js);
            int texts = 0;
            while (m.find()) {
                texts++;
                Matcher p = Pattern.compile("\\{(\\w+)}").matcher(m.group(1));
                while (p.find()) {
                    if (!params.contains(p.group(1))) {
                        wrong.add(key + " uses {" + p.group(1) + "}, not among " + params);
                    }
                }
            }
            if (texts != 2) {
                wrong.add(key + " has " + texts + " texts, not one French and one English");
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** A count agrees with its word ({n|tome|tomes}): no text of any page says "résultat(s)" or "file(s)". */
    @Test
    void noTextWritesAPluralInParentheses() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEXTS.getParent())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = Pattern.compile(":\\s*'[^'\\n]*\\p{L}\\((?:s|e|es|x)\\)[^'\\n]*'").matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group().contains("http(s)")) {
                        wrong.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
