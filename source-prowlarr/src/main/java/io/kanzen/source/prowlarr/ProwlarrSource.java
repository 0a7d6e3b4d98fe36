package io.kanzen.source.prowlarr;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.NameParser;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.SettingChoices;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Searches through Prowlarr's {@code /api/v1/search} ({@code type=search}, the chosen indexers and categories).
 * The volume of a request is not added to the query: trackers name volumes many ways ("T100", "Tome 100",
 * "v100"), so the whole series is asked once and the engine reads each title.
 */
final class ProwlarrSource implements Source, SettingChoices {
    static final String NAME = "prowlarr";

    private final ProwlarrApi api;
    private final List<String> indexerIds;
    private final List<String> categories;
    private final NameParser parser;

    ProwlarrSource(ProwlarrApi api, List<String> indexerIds, List<String> categories, NameParser parser) {
        this.api = api;
        this.indexerIds = List.copyOf(indexerIds);
        this.categories = List.copyOf(categories);
        this.parser = parser;
    }

    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.SEARCH_RELEASES);
    }

    /**
     * Prowlarr answers 200 {@code []} both for "nothing found" and when every indexer failed (it swallows their
     * errors): both are an empty answer here. Usenet results are left out: Kanzen has no usenet client.
     */
    @Override
    public List<Release> search(SearchRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("query", List.of(request.query()));
        params.put("type", List.of("search"));
        params.put("limit", List.of(Integer.toString(request.limit())));
        params.put("indexerIds", indexerIds);
        params.put("categories", categories);
        JsonNode list = api.get("/api/v1/search", params);
        if (!list.isArray()) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "Prowlarr's search answer is not a list");
        }
        List<Release> out = new ArrayList<>();
        for (JsonNode r : list) {
            release(r).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void checkConnection() {
        JsonNode status = api.get("/api/v1/system/status", Map.of());
        if (!status.path("appName").asText("").toLowerCase(Locale.ROOT).contains("prowlarr")) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "the address answers, but not as Prowlarr");
        }
    }

    /**
     * From {@code GET /api/v1/indexer}: for {@code indexerIds}, the enabled indexers; for {@code categories}, every
     * category of those indexers, sub-categories flattened, once each.
     */
    @Override
    public List<Choice> choices(String settingKey) {
        if (!settingKey.equals("indexerIds") && !settingKey.equals("categories")) {
            return List.of();
        }
        JsonNode indexers = api.get("/api/v1/indexer", Map.of());
        if (!indexers.isArray()) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "Prowlarr's indexer list is not a list");
        }
        List<Choice> out = new ArrayList<>();
        Map<Integer, String> categories = new TreeMap<>();
        for (JsonNode i : indexers) {
            if (!i.path("enable").asBoolean(true) || !i.hasNonNull("id")) {
                continue;
            }
            out.add(new Choice(i.get("id").asText(), i.path("name").asText(i.get("id").asText()) + " (" + i.path("protocol").asText("?") + ")"));
            flatten(i.path("capabilities").path("categories"), categories);
        }
        if (settingKey.equals("categories")) {
            out.clear();
            categories.forEach((id, name) -> out.add(new Choice(Integer.toString(id), id + " " + name)));
        }
        return out;
    }

    private static void flatten(JsonNode list, Map<Integer, String> into) {
        for (JsonNode c : list) {
            if (c.hasNonNull("id")) {
                into.putIfAbsent(c.get("id").asInt(), c.path("name").asText(""));
            }
            flatten(c.path("subCategories"), into);
        }
    }

    /** One {@code ReleaseResource}; fields Prowlarr leaves out (nulls are not written) stay unknown. */
    private Optional<Release> release(JsonNode r) {
        String protocol = text(r, "protocol");
        if ("usenet".equals(protocol)) {
            return Optional.empty();
        }
        String title = text(r, "title");
        String guid = text(r, "guid");
        // the download URL answers the .torrent (or a redirect to a magnet); a magnet guid is the magnet itself,
        // better than the magnet URL, which is a Prowlarr proxy carrying the API key
        String magnetGuid = guid != null && guid.startsWith("magnet:") ? guid : null;
        String link = firstLink(text(r, "downloadUrl"), magnetGuid, text(r, "magnetUrl"));
        if (title == null || title.isBlank() || link == null) {
            return Optional.empty();
        }
        long size = r.path("size").asLong(0);
        Instant published = null;
        try {
            published = r.hasNonNull("publishDate") ? Instant.parse(r.get("publishDate").asText()) : null;
        } catch (DateTimeParseException ignored) {
            // an unreadable date is an unknown one
        }
        String infoHash = text(r, "infoHash");
        return Optional.of(new Release(NAME, title, link, LinkKind.of(link).orElseThrow(), size > 0 ? size : -1,
                count(r, "seeders"), count(r, "leechers"), published, guid, infoHash == null ? null : infoHash.toLowerCase(Locale.ROOT),
                text(r, "indexer"), protocol, parser.parse(title)));
    }

    private static String firstLink(String... candidates) {
        for (String c : candidates) {
            if (c != null && LinkKind.of(c).isPresent()) {
                return c;
            }
        }
        return null;
    }

    private static String text(JsonNode r, String field) {
        return r.hasNonNull(field) ? r.get(field).asText() : null;
    }

    private static Integer count(JsonNode r, String field) {
        return r.hasNonNull(field) && r.get(field).canConvertToInt() && r.get(field).asInt() >= 0 ? r.get(field).asInt() : null;
    }
}
