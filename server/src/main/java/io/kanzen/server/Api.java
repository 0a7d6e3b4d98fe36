package io.kanzen.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.kanzen.api.ConfigProperty;
import io.kanzen.api.Release;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.scoring.Decision;
import io.kanzen.api.scoring.Rejection;
import io.kanzen.core.CheckBusyException;
import io.kanzen.core.CheckReport;
import io.kanzen.core.CheckRun;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Download;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.HistoryCsv;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import io.kanzen.core.VolumeInput;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.SeriesSettings;
import io.kanzen.core.TrackReport;
import io.kanzen.core.WantedSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST API. The original app's endpoints keep their paths and bodies under {@code /api/missing-monitor/}; the
 * rest is what the web UI needs. Every body is JSON; every failure is JSON {@code {"error": …, "field": …}}.
 */
final class Api {
    static final String MM = "/api/missing-monitor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kanzen kanzen;

    Api(Kanzen kanzen) {
        this.kanzen = kanzen;
    }

    void register(RoutesConfig r) {
        r.get(MM + "/config", ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("config", kanzen.monitorConfig());
            out.put("problem", kanzen.monitorConfigProblem());
            ctx.json(out);
        });
        r.post(MM + "/config", ctx -> { // a partial update: fields left out keep their value
            Map<String, String> changes = new LinkedHashMap<>();
            body(ctx).fields().forEachRemaining(f -> changes.put(f.getKey(), f.getValue().toString())); // each value as JSON text
            ctx.json(Map.of("config", kanzen.updateMonitorConfig(changes)));
        });
        r.get(MM + "/series", ctx -> {
            WantedSeries.Filter filter = switch (param(ctx, "filter", "all")) {
                case "all" -> WantedSeries.Filter.ALL;
                case "missing" -> WantedSeries.Filter.MISSING;
                case "to_complete", "to-complete" -> WantedSeries.Filter.TO_COMPLETE;
                default -> throw ApiException.badInput("filter", "input.choice", Map.of("choices", "all, missing, to_complete"), "filter is all, missing or to_complete");
            };
            String q = param(ctx, "q", "").toLowerCase(Locale.ROOT);
            boolean paged = ctx.queryParam("limit") != null || ctx.queryParam("offset") != null;
            int offset = paged ? boundedInt(param(ctx, "offset", "0"), "offset", 0, Integer.MAX_VALUE) : 0;
            int limit = paged ? boundedInt(param(ctx, "limit", "100"), "limit", 1, 1000) : Integer.MAX_VALUE;
            SeriesListing listing = seriesListing(kanzen.wanted(WantedSeries.Filter.ALL), filter, q);
            ctx.contentType("application/json");
            if (!paged) {
                ctx.result(listing.json());
                return;
            }
            List<Map<String, Object>> page = listing.rows().subList(Math.min(offset, listing.rows().size()),
                    (int) Math.min((long) offset + limit, listing.rows().size()));
            ctx.header("X-Total-Count", String.valueOf(listing.rows().size()));
            ctx.json(Map.of("total", listing.rows().size(), "offset", offset, "limit", limit, "items", page));
        });
        r.post(MM + "/series/{id}/monitor", ctx -> {
            long id = longParam(ctx.pathParam("id"), "id");
            JsonNode body = body(ctx);
            SeriesSettings current = kanzen.seriesSettings(id);
            SeriesSettings next = new SeriesSettings(body.path("enabled").asBoolean(current.enabled()),
                    text(body, "edition", current.edition()), text(body, "language", current.language()),
                    body.has("auto_download") ? Boolean.valueOf(body.get("auto_download").asBoolean()) : current.autoDownload(),
                    text(body, "client", current.client()), list(body, "sources", current.sources()),
                    list(body, "required_words", current.requiredWords()), list(body, "ignored_words", current.ignoredWords()),
                    body.has("min_mb") ? Integer.valueOf(body.get("min_mb").asInt()) : current.minMegabytes(),
                    body.has("max_mb") ? Integer.valueOf(body.get("max_mb").asInt()) : current.maxMegabytes(),
                    text(body, "pinned_url", current.pinnedUrl()), list(body, "aliases", current.aliases()),
                    text(body, "release_edition", current.releaseEdition()),
                    body.has("accept_untagged") ? (body.get("accept_untagged").isNull() ? null : Boolean.valueOf(body.get("accept_untagged").asBoolean()))
                            : current.acceptUntagged());
            kanzen.saveSeriesSettings(id, next);
            ctx.json(Map.of("id", id, "settings", next));
        });
        r.post(MM + "/download", ctx -> {
            JsonNode body = body(ctx);
            String link = required(body, "link");
            if (!link.matches("(?is)(magnet:\\?.*xt=urn:btih:.+|https?://\\S+|ed2k://\\|file\\|.+\\|/.*)")) {
                throw ApiException.badInput("link", "link.invalid", null, "a link is a magnet, an http(s) torrent URL or an ed2k://|file|…|/ link");
            }
            try {
                // a title that names a library series ties the grab to it: held from the monitor, imported when done
                Grab g = kanzen.grab(text(body, "client", null), link, required(body, "title"),
                        body.hasNonNull("volume_num") ? volume(body.get("volume_num")) : null, body.path("force").asBoolean(false));
                ctx.json(grab(g));
            } catch (GrabConflictException e) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("error", e.getMessage());
                m.put("code", e.code());
                m.put("params", e.params());
                m.put("reason", e.reason().name().toLowerCase(Locale.ROOT));
                m.put("hint", "send again with \"force\": true to download it anyway");
                ctx.status(409).json(m);
            }
        });
        r.post(MM + "/downloads/{id}/link", ctx -> {
            JsonNode body = body(ctx);
            Grab g = kanzen.linkDownload(longParam(ctx.pathParam("id"), "id"), required(body, "series"),
                    body.hasNonNull("volume_num") ? volume(body.get("volume_num")) : null);
            ctx.json(grab(g));
        });
        r.post(MM + "/downloads/{id}/cancel", ctx -> ctx.json(grab(kanzen.cancelDownload(longParam(ctx.pathParam("id"), "id")))));
        r.post(MM + "/downloads/{id}/blocklist", ctx -> ctx.json(grab(kanzen.blocklistDownload(longParam(ctx.pathParam("id"), "id")))));
        r.post(MM + "/downloads/{id}/retry", ctx -> ctx.json(track(kanzen.retryDownload(longParam(ctx.pathParam("id"), "id")))));
        r.post(MM + "/downloads/poll", ctx -> ctx.json(track(kanzen.trackDownloads())));
        r.post(MM + "/run-check", ctx -> {
            boolean alreadyRunning = kanzen.checkRunning();
            try {
                kanzen.checkNow(); // the running check, when there is one: never a second beside it
            } catch (CheckBusyException e) {
                throw new ApiException(409, e.code(), e.params(), e.getMessage(), null); // another process (a CLI check) is checking
            }
            ctx.status(202).json(Map.of("started", !alreadyRunning, "running", true, "progress", kanzen.checkProgress()));
        });
        r.get(MM + "/last-check", ctx -> {
            CheckRun run = kanzen.lastCheck().orElseThrow(() -> new ApiException(404, "check.none", null, "no check has run yet", null));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", run.id());
            m.put("startedAt", run.startedAt());
            m.put("finishedAt", run.finishedAt());
            m.put("running", run.running());
            m.put("dryRun", run.dryRun());
            m.put("series", run.series());
            m.put("searches", run.searches());
            m.put("found", run.found());
            m.put("sent", run.sent());
            m.put("problems", run.problems());
            m.put("failed", run.failed());
            m.put("error", run.error());
            ctx.json(m);
        });
        r.post(MM + "/check", ctx -> { // a dry run, for the explanation of decisions
            JsonNode body = body(ctx);
            CheckReport report = kanzen.check(true, text(body, "series", null));
            List<Map<String, Object>> series = new ArrayList<>();
            report.series().forEach(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("title", s.title());
                m.put("wanted", s.wanted());
                m.put("chosen", s.chosen().stream().map(d -> d.release().title()).toList());
                m.put("decisions", s.decisions().stream().map(Api::decision).toList());
                m.put("problems", s.problems());
                series.add(m);
            });
            ctx.json(Map.of("series", series, "problems", report.problems()));
        });
        r.get(MM + "/progress", ctx -> ctx.json(kanzen.checkProgress()));
        r.get(MM + "/stats", ctx -> ctx.json(kanzen.stats()));
        r.get(MM + "/history", ctx -> {
            Boolean success = switch (param(ctx, "filter", "all")) {
                case "all" -> null;
                case "success" -> true;
                case "errors", "error" -> false;
                default -> throw ApiException.badInput("filter", "input.choice", Map.of("choices", "all, success, errors"), "filter is all, success or errors");
            };
            List<HistoryEvent> events = kanzen.history(success, (int) Math.min(5000, longParam(param(ctx, "limit", "200"), "limit")));
            if (param(ctx, "format", "json").equals("csv")) {
                ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=kanzen-history.csv")
                        .result(HistoryCsv.of(events));
            } else {
                ctx.json(events);
            }
        });
        r.get(MM + "/downloads", ctx -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Download d : kanzen.downloads()) {
                Map<String, Object> m = grab(d.grab());
                m.put("progress", d.status() == null ? null : d.status().progress());
                m.put("client_state", d.status() == null ? null : d.status().state().name().toLowerCase(Locale.ROOT));
                m.put("problem", d.problem());
                // branch queue: what the queue page shows beside the progress
                m.put("speed", d.status() == null || d.status().speed() < 0 ? null : d.status().speed());
                m.put("eta", d.status() == null ? null : d.status().etaSeconds());
                m.put("size", d.status() == null || d.status().size() < 0 ? null : d.status().size());
                m.put("name", d.status() == null ? null : d.status().name());
                out.add(m);
            }
            ctx.json(out);
        });

        r.get("/api/libraries", ctx -> ctx.json(kanzen.libraries().stream().map(SettingsApi::library).toList()));
        r.post("/api/libraries", ctx -> {
            JsonNode body = body(ctx);
            // "chapters": true declares a chapter-based library (a bare number in its series folders is a chapter)
            ctx.status(201).json(SettingsApi.library(kanzen.addLibrary(required(body, "name"), SettingsApi.path(required(body, "path")),
                    body.path("chapters").asBoolean(false))));
        });
        r.delete("/api/libraries/{name}", ctx -> {
            kanzen.removeLibrary(ctx.pathParam("name"));
            ctx.status(204);
        });
        r.post("/api/libraries/scan", ctx -> { // {name?, full?}: full lists every folder again (branch scan)
            JsonNode body = body(ctx);
            ctx.json(kanzen.scan(text(body, "name", null), body.path("full").asBoolean(false)));
        });

        r.get("/api/plugins", ctx -> ctx.json(PluginList.of(kanzen)));
        for (String role : List.of("sources", "clients", "scorers")) {
            r.get("/api/plugins/" + role, ctx -> ctx.json(Map.of("configured", configured(role), "kinds", kinds(role))));
            r.post("/api/plugins/" + role + "/{name}", ctx -> {
                JsonNode body = body(ctx);
                Map<String, String> settings = new LinkedHashMap<>();
                body.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
                String name = ctx.pathParam("name");
                String kind = text(body, "kind", name);
                ctx.json(switch (role) {
                    case "sources" -> kanzen.saveSource(name, kind, settings);
                    case "clients" -> kanzen.saveClient(name, kind, settings);
                    default -> kanzen.saveScorer(name, kind, settings);
                });
            });
            r.post("/api/plugins/" + role + "/{name}/test", ctx -> {
                switch (role) {
                    case "sources" -> kanzen.testSource(ctx.pathParam("name"));
                    case "clients" -> kanzen.testClient(ctx.pathParam("name"));
                    default -> kanzen.testScorer(ctx.pathParam("name"));
                }
                ctx.json(Map.of("ok", true));
            });
            r.delete("/api/plugins/" + role + "/{name}", ctx -> {
                switch (role) {
                    case "sources" -> kanzen.removeSource(ctx.pathParam("name"));
                    case "clients" -> kanzen.removeClient(ctx.pathParam("name"));
                    default -> kanzen.removeScorer(ctx.pathParam("name"));
                }
                ctx.status(204);
            });
        }
        r.get("/api/account/api-key", ctx -> ctx.json(Map.of("api_key", kanzen.accounts().apiKey())));
        new NotifierApi(kanzen).register(r);
        new SeriesApi(kanzen).register(r); // series branch: the series list, page, settings form and multi-series actions
        new ManualSearchApi(kanzen).register(r); // branch queue: the manual search, judged
        new SettingsApi(kanzen).register(r); // settings branch: library edit, setting choices
        // branch overview: the Aperçu (figures, checks, problems, live events) and the proposals of manual mode
        new OverviewApi(kanzen).register(r);
        new ProposalApi(kanzen).register(r);
        // branch history: the history page (filters, paging, export) and the statistics page
        new HistoryApi(kanzen).register(r);
        new StatsApi(kanzen).register(r);
    }

    /**
     * The rows of the series list for one filter and search, with their JSON. The wanted list is kept by the core
     * until the library changes (the same list object comes back), so the rows and their JSON are kept with it:
     * listing 5,000 series again is one comparison and the bytes already written.
     */
    private record SeriesListing(List<WantedSeries> source, WantedSeries.Filter filter, String q, List<Map<String, Object>> rows, byte[] json) {}

    private final java.util.concurrent.ConcurrentHashMap<String, SeriesListing> listings = new java.util.concurrent.ConcurrentHashMap<>();

    private SeriesListing seriesListing(List<WantedSeries> all, WantedSeries.Filter filter, String q) throws Exception {
        String key = filter + "\u0000" + q;
        SeriesListing kept = listings.get(key);
        if (kept != null && kept.source() == all) {
            return kept;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WantedSeries w : all) {
            if (!filter.accepts(w) || !q.isEmpty() && !w.title().toLowerCase(Locale.ROOT).contains(q)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", w.seriesId());
            m.put("title", w.title());
            m.put("library", w.library());
            m.put("local_volumes", w.owned().stream().map(VolumeRange::toString).toList());
            m.put("edition", w.edition());
            m.put("published", w.publishedCount());
            m.put("status", w.status().name().toLowerCase(Locale.ROOT));
            m.put("missing", w.wanted());
            m.put("not_yet", w.notYet());
            m.put("monitored", w.monitored());
            rows.add(java.util.Collections.unmodifiableMap(m));
        }
        SeriesListing made = new SeriesListing(all, filter, q, List.copyOf(rows), JSON.writeValueAsBytes(rows));
        if (listings.size() > 32) {
            listings.clear(); // searches typed in the UI make many keys: keep only recent ones
        }
        listings.put(key, made);
        return made;
    }

    private static int boundedInt(String text, String field, int min, int max) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                throw ApiException.badInput(field, "input.range", Map.of("min", min, "max", max), field + " is between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badInput(field, "input.wholeNumber", null, field + " is a whole number");
        }
    }

    private List<ConfiguredInstance> configured(String role) {
        return switch (role) {
            case "sources" -> kanzen.sources();
            case "clients" -> kanzen.clients();
            default -> kanzen.scorers();
        };
    }

    /** The plugin kinds of a role with their settings, for the settings forms (secret ones flagged, never filled). */
    private List<Map<String, Object>> kinds(String role) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LoadedPlugin p : kanzen.plugins()) {
            // i18n: each factory's settings with the French and English texts its JAR ships (SettingTexts)
            record Kind(String name, List<ConfigProperty> properties) {}
            List<Kind> factories = switch (role) {
                case "sources" -> p.plugin().sourceFactories().stream().map(f -> new Kind(f.name(), f.configProperties())).toList();
                case "clients" -> p.plugin().downloadClientFactories().stream().map(f -> new Kind(f.name(), f.configProperties())).toList();
                default -> p.plugin().scorerFactories().stream().map(f -> new Kind(f.name(), f.configProperties())).toList();
            };
            for (Kind f : factories) {
                out.add(SettingForms.kind(f.name(), p.name(), io.kanzen.api.SettingTexts.of(p.plugin().getClass(), f.name()), f.properties()));
            }
        }
        return out;
    }

    static Map<String, Object> release(Release r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        m.put("title", r.title());
        m.put("link", r.link());
        m.put("kind", r.linkKind().name().toLowerCase(Locale.ROOT));
        m.put("size", r.size() < 0 ? null : r.size());
        m.put("seeders", r.seeders());
        m.put("volume", r.parsed().volume() == null ? null : r.parsed().volume().toString());
        m.put("language", r.parsed().language());
        m.put("indexer", r.indexer());
        return m;
    }

    static Map<String, Object> decision(Decision d) {
        Map<String, Object> m = release(d.release());
        m.put("accepted", d.accepted());
        m.put("score", d.score().total());
        m.put("score_breakdown", d.score().breakdown());
        m.put("rejections", d.rejections().stream().map(Rejection::message).toList());
        // the typed reasons, so that a client can tell (and translate) why without reading sentences: the reason, and the
        // detail's code and values (null for a scorer plugin's, said only by its message)
        m.put("rejection_reasons", d.rejections().stream().map(Api::rejection).toList());
        return m;
    }

    private static Map<String, Object> rejection(Rejection x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", x.reason().name());
        m.put("message", x.message());
        m.put("code", x.code());
        m.put("params", x.params());
        return m;
    }

    static Map<String, Object> grab(Grab g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("client", g.client());
        m.put("title", g.title());
        m.put("volume", g.volume() == null ? null : g.volume().toString());
        m.put("state", g.state().name().toLowerCase(Locale.ROOT));
        m.put("handle", g.handle());
        m.put("message", g.message());
        m.put("release", g.releaseTitle());
        m.put("sent_at", g.createdAt().toString());
        m.put("series_id", g.seriesId());
        m.put("linked", g.linked());
        m.put("import_error", g.importError());
        return m;
    }

    /** What a poll of the downloads did. */
    static Map<String, Object> track(TrackReport report) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (TrackReport.Event e : report.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.grabId());
            m.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            m.put("title", e.title());
            m.put("volume", e.volume() == null ? null : e.volume().toString());
            m.put("message", e.message());
            events.add(m);
        }
        return Map.of("events", events, "problems", report.problems());
    }

    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiException.badInput(null, "input.notObject", null, "the body is a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badInput(null, "input.badJson", Map.of("detail", String.valueOf(e.getOriginalMessage())), "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String required(JsonNode body, String field) {
        String v = text(body, field, null);
        if (v == null || v.isBlank()) {
            throw ApiException.badInput(field, "input.required", null, field + " is required");
        }
        return v;
    }

    static String text(JsonNode body, String field, String otherwise) {
        return body.hasNonNull(field) ? body.get(field).asText() : otherwise;
    }

    static List<String> list(JsonNode body, String field, List<String> otherwise) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return otherwise;
        }
        if (n.isTextual()) {
            return n.asText().isBlank() ? List.of() : List.of(n.asText().split("\\s*,\\s*"));
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    static VolumeRange volume(JsonNode n) {
        try {
            return VolumeInput.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("volume_num", "input.volume", Map.of("detail", String.valueOf(e.getMessage())), "volume_num: " + e.getMessage());
        }
    }

    private static String param(Context ctx, String name, String otherwise) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    private static long longParam(String v, String field) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badInput(field, "input.number", null, field + " is a number");
        }
    }
}
