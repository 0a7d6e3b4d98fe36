package io.kanzen.source.anilist;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.api.source.PublicationStatus;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes a series from AniList's {@code Media} of type {@code MANGA}: the original edition (VO) only, since AniList
 * knows no French edition. Its titles (romaji, English, native, synonyms, which often hold the French title) become
 * alternative titles that the host adds to the series' aliases.
 */
final class AniListSource implements Source {
    static final String NAME = "anilist";
    private static final Pattern PINNED = Pattern.compile("anilist\\.co/manga/(\\d+)");
    private static final String FIELDS = "id siteUrl format status volumes chapters genres "
            + "title { romaji english native } synonyms startDate { year month day } coverImage { large } "
            + "staff(sort: RELEVANCE, perPage: 6) { edges { role node { name { full } } } }";
    static final String SEARCH = "query ($search: String) { Page(perPage: 5) { media(search: $search, type: MANGA, sort: SEARCH_MATCH) { "
            + FIELDS + " } } }";
    static final String BY_ID = "query ($id: Int) { Media(id: $id, type: MANGA) { " + FIELDS + " } }";
    static final String PING = "query { Page(perPage: 1) { pageInfo { total } } }";

    private final AniListApi api;

    AniListSource(AniListApi api) {
        this.api = api;
    }

    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.SERIES_METADATA);
    }

    /**
     * A pinned {@code anilist.co/manga/ID} page is read by id; otherwise the best search match, but the manga of the
     * same name rather than a light novel that matched first (AniList files both under {@code MANGA}).
     */
    @Override
    public Optional<SeriesMetadata> metadata(SeriesQuery query) {
        Matcher pinned = query.pinnedUrl() == null ? null : PINNED.matcher(query.pinnedUrl());
        JsonNode media;
        if (pinned != null && pinned.find()) {
            JsonNode data = api.query(BY_ID, Map.of("id", Long.parseLong(pinned.group(1))));
            media = data == null ? null : data.get("Media");
        } else {
            if (query.title() == null || query.title().isBlank()) {
                return Optional.empty(); // a page pinned on another site says nothing to AniList
            }
            JsonNode list = api.query(SEARCH, Map.of("search", query.title())).path("Page").path("media");
            if (!list.isArray()) {
                throw new PluginException(ErrorKind.BAD_RESPONSE, "AniList's answer has no Page.media list");
            }
            media = list.size() == 0 ? null : list.get(0);
            for (JsonNode m : list) {
                if (media != null && isNovel(media) && !isNovel(m) && sameTitle(media, m)) {
                    media = m;
                    break;
                }
            }
        }
        return media == null || media.isNull() ? Optional.empty() : Optional.of(metadata(media));
    }

    @Override
    public void checkConnection() {
        JsonNode data = api.query(PING, Map.of());
        if (data == null || !data.path("Page").isObject()) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "the address answers, but not as AniList");
        }
    }

    private static boolean isNovel(JsonNode m) {
        return "NOVEL".equals(m.path("format").asText());
    }

    private static boolean sameTitle(JsonNode a, JsonNode b) {
        for (String field : new String[] {"romaji", "english"}) {
            String x = text(a.path("title"), field);
            if (x != null && x.equalsIgnoreCase(text(b.path("title"), field))) {
                return true;
            }
        }
        return false;
    }

    private static SeriesMetadata metadata(JsonNode m) {
        JsonNode t = m.path("title");
        String title = first(text(t, "romaji"), text(t, "english"), text(t, "native"));
        if (title == null) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "an AniList entry has no title");
        }
        Set<String> others = new LinkedHashSet<>();
        for (String s : new String[] {text(t, "english"), text(t, "native")}) {
            if (s != null) {
                others.add(s);
            }
        }
        m.path("synonyms").forEach(s -> {
            if (!s.asText("").isBlank()) {
                others.add(s.asText().strip());
            }
        });
        others.removeIf(s -> s.equalsIgnoreCase(title));
        Integer volumes = m.path("volumes").canConvertToInt() && m.path("volumes").asInt() > 0 ? m.path("volumes").asInt() : null;
        EditionInfo vo = new EditionInfo(volumes, status(text(m, "status")), List.of(), null, null, date(m.path("startDate")));
        List<String> authors = new ArrayList<>();
        for (JsonNode edge : m.path("staff").path("edges")) {
            String role = edge.path("role").asText("").toLowerCase(Locale.ROOT);
            String name = edge.path("node").path("name").path("full").asText("");
            if ((role.contains("story") || role.contains("art")) && !name.isBlank() && !authors.contains(name)) {
                authors.add(name);
            }
        }
        List<String> genres = new ArrayList<>();
        m.path("genres").forEach(g -> genres.add(g.asText()));
        return new SeriesMetadata(title, List.copyOf(others), text(m, "siteUrl"), vo, null, authors, genres, text(m.path("coverImage"), "large"));
    }

    /** AniList's {@code MediaStatus}. */
    private static PublicationStatus status(String s) {
        if (s == null) {
            return PublicationStatus.UNKNOWN;
        }
        return switch (s) {
            case "RELEASING" -> PublicationStatus.ONGOING;
            case "FINISHED" -> PublicationStatus.FINISHED;
            case "NOT_YET_RELEASED" -> PublicationStatus.UPCOMING;
            case "CANCELLED" -> PublicationStatus.ABANDONED;
            case "HIATUS" -> PublicationStatus.ON_HOLD;
            default -> PublicationStatus.UNKNOWN;
        };
    }

    /** A {@code FuzzyDate}: without a month it is unknown (a bare year would pass for January); without a day, the 1st. */
    private static LocalDate date(JsonNode d) {
        if (!d.path("year").canConvertToInt() || !d.path("month").canConvertToInt()) {
            return null;
        }
        try {
            return LocalDate.of(d.get("year").asInt(), d.get("month").asInt(), d.path("day").canConvertToInt() ? d.get("day").asInt() : 1);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
