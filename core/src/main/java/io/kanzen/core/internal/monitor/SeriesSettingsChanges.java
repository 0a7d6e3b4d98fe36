package io.kanzen.core.internal.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.InvalidSettingException;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.SeriesSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A partial change of one series' settings, as a form sends it: field names are those of {@link SeriesSettings},
 * values JSON or their text; an empty value goes back to the global setting. Every value is checked on its own, so
 * that the error names the field to fix: an unknown source or client, a language the parser cannot recognise, a
 * size that is not a whole number, a pinned page that is not a web address.
 */
public final class SeriesSettingsChanges {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> FIELDS = Arrays.stream(SeriesSettings.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
            .toList();

    private SeriesSettingsChanges() {}

    /**
     * {@code current} with {@code changes} applied.
     *
     * @param sources the configured source names, {@code clients} the configured client names
     * @throws InvalidSettingException naming the first field that cannot be taken
     */
    public static SeriesSettings apply(SeriesSettings current, Map<String, String> changes, List<String> sources, List<String> clients) {
        boolean enabled = current.enabled();
        String edition = current.edition();
        String language = current.language();
        Boolean autoDownload = current.autoDownload();
        String client = current.client();
        List<String> seriesSources = current.sources();
        List<String> required = current.requiredWords();
        List<String> ignored = current.ignoredWords();
        Integer min = current.minMegabytes();
        Integer max = current.maxMegabytes();
        String pinned = current.pinnedUrl();
        List<String> aliases = current.aliases();
        String releaseEdition = current.releaseEdition();
        Boolean untagged = current.acceptUntagged();
        for (Map.Entry<String, String> c : changes.entrySet()) {
            String field = c.getKey();
            JsonNode v = value(c.getValue());
            switch (field) {
                case "enabled" -> enabled = bool(field, v) != Boolean.FALSE;
                case "edition" -> {
                    edition = text(v);
                    if (edition != null) {
                        edition = edition.toLowerCase(Locale.ROOT);
                        if (!edition.equals("vf") && !edition.equals("vo")) {
                            throw new InvalidSettingException(field, "setting.edition", KanzenException.pairs("value", edition),
                                    "edition is vf or vo (or empty for the global setting), not '" + edition + "'");
                        }
                    }
                }
                case "language" -> {
                    language = text(v);
                    if (language != null) {
                        language = language.toLowerCase(Locale.ROOT);
                        if (!MonitorConfig.LANGUAGES.contains(language)) {
                            String choices = String.join(", ", new java.util.TreeSet<>(MonitorConfig.LANGUAGES));
                            throw new InvalidSettingException(field, "setting.language", KanzenException.pairs("value", language, "choices", choices),
                                    "language is one of " + choices + " (or empty for the global setting), not '" + language + "'");
                        }
                    }
                }
                case "autoDownload" -> autoDownload = bool(field, v);
                case "client" -> {
                    client = text(v);
                    if (client != null) {
                        client = configured(field, client, clients, "download client");
                    }
                }
                case "sources" -> {
                    List<String> named = new ArrayList<>();
                    for (String s : list(v)) {
                        named.add(configured(field, s, sources, "source"));
                    }
                    seriesSources = named;
                }
                case "requiredWords" -> required = list(v);
                case "ignoredWords" -> ignored = list(v);
                case "minMegabytes" -> min = megabytes(field, v);
                case "maxMegabytes" -> max = megabytes(field, v);
                case "pinnedUrl" -> {
                    pinned = text(v);
                    if (pinned != null && !isWebAddress(pinned)) {
                        throw new InvalidSettingException(field, "setting.notUrl", KanzenException.pairs("value", pinned),
                                "the pinned metadata page is a web address (https://…), not '" + pinned + "'");
                    }
                }
                case "aliases" -> aliases = list(v);
                case "releaseEdition" -> {
                    releaseEdition = text(v);
                    if (releaseEdition != null) {
                        try {
                            releaseEdition = ReleaseEdition.normalise(releaseEdition);
                        } catch (IllegalArgumentException e) {
                            throw new InvalidSettingException(field, "setting.releaseEdition", KanzenException.pairs("value", releaseEdition,
                                    "choices", String.join(", ", ReleaseEdition.keys())), e.getMessage());
                        }
                    }
                }
                case "acceptUntagged" -> untagged = bool(field, v);
                default -> throw new InvalidSettingException(field, "setting.unknown", KanzenException.pairs("value", field),
                        "unknown series setting '" + field + "' (settings: " + String.join(", ", FIELDS) + ")");
            }
        }
        if (min != null && max != null && min > max) {
            throw new InvalidSettingException("maxMegabytes", "setting.maxBelowMin", KanzenException.pairs("min", min, "max", max),
                    "the largest size (" + max + " MB) is below the smallest (" + min + " MB)");
        }
        return new SeriesSettings(enabled, edition, language, autoDownload, client, seriesSources, required, ignored, min, max, pinned, aliases,
                releaseEdition, untagged);
    }

    /** The value as JSON when it reads as JSON, else as text ({@code vf}, {@code a, b}). */
    private static JsonNode value(String text) {
        if (text == null) {
            return JSON.nullNode();
        }
        try {
            JsonNode n = JSON.readTree(text);
            return n == null || n.isMissingNode() ? JSON.getNodeFactory().textNode(text) : n;
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /** Blank is null: the global setting. */
    private static String text(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static Boolean bool(String field, JsonNode v) {
        if (v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        throw new InvalidSettingException(field, "setting.notBoolean", KanzenException.pairs("value", v.asText()),
                field + " is true or false, not '" + v.asText() + "'");
    }

    /** A JSON array, or text with one item per comma or line; blank items dropped. */
    private static List<String> list(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        } else if (!v.isNull()) {
            out.addAll(Arrays.asList(v.asText().split("\\s*[,\\n]\\s*")));
        }
        return out.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static Integer megabytes(String field, JsonNode v) {
        if (v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        String s = v.asText().strip();
        try {
            int n = Integer.parseInt(s);
            if (n < 0) {
                throw new InvalidSettingException(field, "setting.negative", KanzenException.pairs("value", n), "a size is not negative, not " + n + " MB");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(field, "setting.notNumber", KanzenException.pairs("value", s),
                    "a size is a whole number of megabytes, not '" + s + "'");
        }
    }

    /** The configured name, in its own spelling; an unknown one names what is configured. */
    private static String configured(String field, String name, List<String> names, String what) {
        String code = what.equals("source") ? "setting.unknownSource" : "setting.unknownClient";
        String list = names.isEmpty() ? "none" : String.join(", ", names);
        return names.stream().filter(n -> n.equalsIgnoreCase(name.strip())).findFirst().orElseThrow(() -> new InvalidSettingException(field,
                code, KanzenException.pairs("value", name, "configured", list), "'" + name + "' is not a configured " + what + " (configured: " + list + ")"));
    }

    private static boolean isWebAddress(String text) {
        try {
            URI u = new URI(text);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
