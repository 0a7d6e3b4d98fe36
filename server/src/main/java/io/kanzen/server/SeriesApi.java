package io.kanzen.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.core.CheckBusyException;
import io.kanzen.core.CheckReport;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Kanzen;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.SeriesCheck;
import io.kanzen.core.SeriesDetail;
import io.kanzen.core.SeriesSettings;
import io.kanzen.core.WantedSeries;
import io.kanzen.api.scoring.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/series}: the series list split into monitored and not monitored (paged, for 5,000 series), one
 * series' page (volume grid, metadata, settings with the choices its form offers, downloads, history), its
 * settings saved field by field, "search now" for one series (every candidate with its decision and reasons, nothing
 * sent) and actions on several series at once (monitor, unmonitor, a real check of just those).
 */
final class SeriesApi {
    private final Kanzen kanzen;

    SeriesApi(Kanzen kanzen) {
        this.kanzen = kanzen;
    }

    void register(RoutesConfig r) {
        r.get("/api/series", this::list);
        r.post("/api/series/actions", this::act);
        r.get("/api/series/{id}", ctx -> ctx.json(detail(kanzen.seriesDetail(id(ctx)))));
        r.post("/api/series/{id}/settings", ctx -> {
            long id = id(ctx);
            Map<String, String> changes = new LinkedHashMap<>();
            Api.body(ctx).fields().forEachRemaining(f -> changes.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().toString()));
            ctx.json(Map.of("id", id, "settings", settings(kanzen.updateSeriesSettings(id, changes))));
        });
        r.get("/api/series/{id}/history", ctx -> ctx.json(kanzen.seriesHistory(id(ctx), bounded(ctx, "limit", 100, 1, 1000))));
        r.post("/api/series/{id}/search", ctx -> { // a dry run: every candidate judged and explained, nothing sent
            CheckReport report = kanzen.checkSeries(true, List.of(id(ctx)));
            SeriesCheck s = report.series().isEmpty() ? null : report.series().get(0);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("wanted", s == null ? List.of() : s.wanted());
            out.put("wanted_ranges", s == null ? List.of() : ranges(s.wanted()));
            List<Map<String, Object>> candidates = new ArrayList<>();
            if (s != null) {
                Set<Decision> chosen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                chosen.addAll(s.chosen());
                for (Decision d : s.decisions()) {
                    Map<String, Object> m = Api.decision(d);
                    m.put("chosen", chosen.contains(d));
                    candidates.add(m);
                }
            }
            out.put("candidates", candidates);
            out.put("searches", report.searches()); // none: nothing missing, all on its way, or no source to ask
            List<io.kanzen.core.Problem> problems = new ArrayList<>(report.problems());
            if (s != null) {
                problems.addAll(s.problems());
            }
            out.put("problems", problems);
            ctx.json(out);
        });
    }

    /**
     * {@code ?monitored=yes|no|all&filter=all|missing|to_complete&q=&offset=&limit=}: one page of rows, with the
     * counts of both groups for the current search so the page can show both sections' sizes.
     */
    private void list(Context ctx) {
        WantedSeries.Filter filter = switch (param(ctx, "filter", "all")) {
            case "all" -> WantedSeries.Filter.ALL;
            case "missing" -> WantedSeries.Filter.MISSING;
            case "to_complete", "to-complete" -> WantedSeries.Filter.TO_COMPLETE;
            default -> throw ApiException.badInput("filter", "filter is all, missing or to_complete");
        };
        Boolean monitored = switch (param(ctx, "monitored", "all")) {
            case "all" -> null;
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> throw ApiException.badInput("monitored", "monitored is yes, no or all");
        };
        String q = param(ctx, "q", "").toLowerCase(Locale.ROOT).strip();
        int offset = bounded(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = bounded(ctx, "limit", 50, 1, 500);
        List<WantedSeries> matching = new ArrayList<>();
        int monitoredCount = 0;
        int unmonitoredCount = 0;
        for (WantedSeries w : kanzen.wanted(WantedSeries.Filter.ALL)) {
            if (!filter.accepts(w) || !q.isEmpty() && !w.title().toLowerCase(Locale.ROOT).contains(q)) {
                continue;
            }
            if (w.monitored()) {
                monitoredCount++;
            } else {
                unmonitoredCount++;
            }
            if (monitored == null || monitored == w.monitored()) {
                matching.add(w);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        Map<Long, Set<Integer>> underWay = kanzen.volumesUnderWay();
        for (WantedSeries w : matching.subList(Math.min(offset, matching.size()), (int) Math.min((long) offset + limit, matching.size()))) {
            items.add(row(w, underWay.getOrDefault(w.seriesId(), Set.of())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", matching.size());
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("monitored_total", monitoredCount);
        out.put("unmonitored_total", unmonitoredCount);
        out.put("library_empty", kanzen.libraries().isEmpty());
        out.put("items", items);
        ctx.json(out);
    }

    /** A row of the list; {@code underWay}: the volumes a download is bringing, shown apart from the missing ones. */
    private static Map<String, Object> row(WantedSeries w, Set<Integer> underWay) {
        List<Integer> missing = w.wanted().stream().filter(v -> !underWay.contains(v)).toList();
        List<Integer> coming = w.wanted().stream().filter(underWay::contains).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.seriesId());
        m.put("title", w.title());
        m.put("library", w.library());
        m.put("monitored", w.monitored());
        m.put("edition", w.edition());
        m.put("status", w.status().name().toLowerCase(Locale.ROOT));
        m.put("published", w.publishedCount());
        m.put("owned", w.owned().stream().map(VolumeRange::toString).toList());
        m.put("missing_count", missing.size());
        m.put("missing", ranges(missing));
        m.put("under_way", ranges(coming));
        m.put("not_yet", ranges(w.notYet()));
        return m;
    }

    /** Body {@code {"action": "monitor"|"unmonitor"|"search", "ids": [1, 2]}}. */
    private void act(Context ctx) {
        JsonNode body = Api.body(ctx);
        String action = Api.required(body, "action");
        JsonNode idsNode = body.path("ids");
        if (!idsNode.isArray() || idsNode.isEmpty()) {
            throw ApiException.badInput("ids", "series.noneChosen", Map.of(), "ids is a list of at least one series id");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode n : idsNode) {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw ApiException.badInput("ids", "ids are series ids (numbers), not '" + n.asText() + "'");
            }
            ids.add(n.asLong());
        }
        if (ids.size() > 5000) {
            throw ApiException.badInput("ids", "at most 5000 series at once");
        }
        switch (action) {
            case "monitor", "unmonitor" -> {
                kanzen.setMonitored(ids, action.equals("monitor"));
                ctx.json(Map.of("action", action, "changed", ids.size()));
            }
            case "search" -> {
                CheckReport report;
                try {
                    report = kanzen.checkSeries(false, ids);
                } catch (CheckBusyException e) {
                    throw new ApiException(409, e.code(), e.params(), e.getMessage(), null);
                }
                List<Map<String, Object>> series = new ArrayList<>();
                for (SeriesCheck s : report.series()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", s.seriesId());
                    m.put("title", s.title());
                    m.put("wanted", ranges(s.wanted()));
                    m.put("found", s.decisions().size());
                    m.put("chosen", s.chosen().size());
                    m.put("sent", s.grabs().size());
                    m.put("problems", s.problems());
                    series.add(m);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("action", action);
                out.put("series", series);
                out.put("searches", report.searches());
                out.put("sent", report.grabs());
                out.put("problems", report.problems());
                ctx.json(out);
            }
            default -> throw ApiException.badInput("action", "action is monitor, unmonitor or search");
        }
    }

    private Map<String, Object> detail(SeriesDetail d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("title", d.title());
        m.put("library", d.library());
        m.put("folder", d.folder());
        m.put("files", d.files());
        m.put("monitored", d.monitored());
        m.put("edition", d.edition());
        m.put("owned", d.owned().stream().map(VolumeRange::toString).toList());
        m.put("missing", ranges(d.missing()));
        m.put("missing_count", d.missing().size());
        List<Map<String, Object>> volumes = new ArrayList<>();
        for (SeriesDetail.Volume v : d.volumes()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("number", v.label());
            vm.put("state", v.state().name().toLowerCase(Locale.ROOT));
            vm.put("date", v.date() == null ? null : v.date().toString());
            vm.put("grab_id", v.grabId());
            vm.put("progress", v.progress());
            volumes.add(vm);
        }
        m.put("volumes", volumes);
        m.put("metadata", metadata(d.metadata()));
        m.put("settings", settings(d.settings()));
        m.put("grabs", d.grabs().stream().map(Api::grab).toList());
        MonitorConfig global = kanzen.monitorConfig();
        Map<String, Object> defaults = new LinkedHashMap<>(); // what an empty field falls back to, for the form's hints
        defaults.put("edition", global.edition());
        defaults.put("language", global.language());
        defaults.put("client", global.preferredClient());
        defaults.put("sources", global.sources());
        defaults.put("autoDownload", global.autoDownload());
        defaults.put("acceptUntagged", global.acceptUntagged());
        m.put("defaults", defaults);
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("sources", kanzen.sources().stream().map(ConfiguredInstance::name).toList());
        choices.put("clients", kanzen.clients().stream().map(ConfiguredInstance::name).toList());
        choices.put("languages", new java.util.TreeSet<>(MonitorConfig.LANGUAGES));
        choices.put("releaseEditions", kanzen.releaseEditions());
        m.put("choices", choices);
        return m;
    }

    private static Map<String, Object> metadata(SeriesDetail.Metadata md) {
        if (md == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", md.source());
        m.put("url", md.url());
        m.put("title", md.title());
        m.put("alternative_titles", md.alternativeTitles());
        m.put("vo", edition(md.vo()));
        m.put("vf", edition(md.vf()));
        m.put("fetched_at", md.fetchedAt().toString());
        return m;
    }

    private static Map<String, Object> edition(EditionInfo e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", e.volumeCount());
        m.put("status", e.status().name().toLowerCase(Locale.ROOT));
        m.put("publishers", e.publishers());
        m.put("next_volume", e.nextVolume() == null ? null : VolumeRange.format(e.nextVolume().volume()));
        m.put("next_date", e.nextVolume() == null ? null : e.nextVolume().date().toString());
        return m;
    }

    /** The settings under the names the save endpoint takes (those of {@link SeriesSettings}). */
    static Map<String, Object> settings(SeriesSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("edition", s.edition());
        m.put("language", s.language());
        m.put("autoDownload", s.autoDownload());
        m.put("client", s.client());
        m.put("sources", s.sources());
        m.put("requiredWords", s.requiredWords());
        m.put("ignoredWords", s.ignoredWords());
        m.put("minMegabytes", s.minMegabytes());
        m.put("maxMegabytes", s.maxMegabytes());
        m.put("pinnedUrl", s.pinnedUrl());
        m.put("aliases", s.aliases());
        m.put("releaseEdition", s.releaseEdition());
        m.put("acceptUntagged", s.acceptUntagged());
        return m;
    }

    /** Whole volumes as compact ranges: {@code 1, 2, 3, 5} gives {@code ["1-3", "5"]}. */
    static List<String> ranges(List<Integer> volumes) {
        List<Integer> sorted = volumes.stream().distinct().sorted().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sorted.size();) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            out.add(i == j ? String.valueOf(sorted.get(i)) : sorted.get(i) + "-" + sorted.get(j));
            i = j + 1;
        }
        return out;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badInput("id", "id is a number");
        }
    }

    private static String param(Context ctx, String name, String otherwise) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    private static int bounded(Context ctx, String name, int otherwise, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw ApiException.badInput(name, name + " is between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badInput(name, name + " is a whole number");
        }
    }
}
