package io.kanzen.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.kanzen.core.CheckRun;
import io.kanzen.core.Health;
import io.kanzen.core.Kanzen;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.PluginProblem;
import io.kanzen.core.SeriesSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/overview}: what the Aperçu shows in one call (figures, the last and next check, the running one,
 * pending proposals, problems with where each is fixed), and {@code /api/missing-monitor/events}, the server-sent
 * events that carry a running check's progress and its summary when it ends.
 */
final class OverviewApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kanzen kanzen;
    private final OverviewEvents events;

    OverviewApi(Kanzen kanzen) {
        this.kanzen = kanzen;
        this.events = new OverviewEvents(kanzen, this::lastCheck);
    }

    void register(RoutesConfig r) {
        r.get("/api/overview", ctx -> ctx.json(overview()));
        r.sse(Api.MM + "/events", events::join); // behind the /api/* guard like every other call
    }

    Map<String, Object> overview() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stats", kanzen.stats());
        m.put("running", kanzen.checkRunning());
        m.put("progress", kanzen.checkProgress());
        m.put("last_check", lastCheck());
        m.put("next_check_at", kanzen.nextCheckAt().map(Object::toString).orElse(null));
        MonitorConfig cfg = kanzen.monitorConfig();
        Map<String, Object> monitor = new LinkedHashMap<>();
        monitor.put("enabled", cfg.enabled());
        monitor.put("auto_download", cfg.autoDownload());
        monitor.put("auto_search", cfg.autoSearch());
        monitor.put("interval", cfg.checkInterval());
        m.put("monitor", monitor);
        m.put("proposals_pending", kanzen.proposals().size());
        Health health = kanzen.health();
        m.put("health", health.status().name());
        List<Map<String, Object>> problems = new ArrayList<>();
        List<?> reasons = health.reasons(); // sentences today; objects with a code once the i18n work lands: both pass
        for (Object reason : reasons) {
            problems.add(problem(reason, null));
        }
        for (PluginProblem p : kanzen.pluginProblems()) {
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put("code", "plugin.skipped");
            skipped.put("params", Map.of("location", p.location(), "why", p.message()));
            skipped.put("message", "plugin " + p.location() + " was skipped: " + p.message());
            skipped.put("kind", "plugin");
            skipped.put("fix", "#/settings");
            problems.add(skipped);
        }
        m.put("problems", problems);
        return m;
    }

    /** The last check as the Aperçu shows it, each problem tied to its series when it names one; null before any check. */
    Map<String, Object> lastCheck() {
        CheckRun run = kanzen.lastCheck().orElse(null);
        if (run == null) {
            return null;
        }
        List<SeriesSummary> series = new ArrayList<>(kanzen.series());
        series.sort(Comparator.comparingInt((SeriesSummary s) -> s.title().length()).reversed()); // "One Piece Party" before "One Piece"
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("started_at", run.startedAt().toString());
        m.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
        m.put("duration_ms", run.finishedAt() == null ? null : run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli());
        m.put("running", run.running());
        m.put("dry_run", run.dryRun());
        m.put("series", run.series());
        m.put("searches", run.searches());
        m.put("found", run.found());
        m.put("sent", run.sent());
        m.put("failed", run.failed());
        m.put("error", run.error());
        List<Map<String, Object>> problems = new ArrayList<>();
        List<?> all = run.problems();
        for (Object p : all) {
            problems.add(problem(p, series));
        }
        m.put("problems", problems);
        return m;
    }

    /**
     * One problem with where it is fixed: {@code #/series/N} for one series, {@code #/config} for the monitor
     * settings, {@code #/settings} for a source, client or plugin. A problem already carrying a code (the i18n work)
     * keeps its fields.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(Object p, List<SeriesSummary> series) {
        Map<String, Object> m = new LinkedHashMap<>();
        String message;
        if (p instanceof String s) {
            message = s;
            m.put("message", s);
        } else {
            m.putAll(JSON.convertValue(p, Map.class));
            message = String.valueOf(m.getOrDefault("message", ""));
        }
        String code = m.get("code") == null ? "" : m.get("code").toString();
        String lower = message.toLowerCase(Locale.ROOT);
        SeriesSummary about = null;
        if (series != null) {
            for (SeriesSummary s : series) {
                if (message.startsWith(s.title() + ": ")) {
                    about = s;
                    break;
                }
            }
        }
        String kind;
        String fix;
        if (about != null) {
            kind = "series";
            fix = "#/series/" + about.id();
            m.put("series_id", about.id());
        } else if (code.startsWith("config") || code.startsWith("settings") || lower.contains("missing_monitor_config")
                || lower.contains("monitor settings")) {
            kind = "config";
            fix = "#/config";
        } else if (code.startsWith("source") || lower.startsWith("source ") || lower.contains(" is skipped until ")
                || lower.contains("index refresh")) {
            kind = "source";
            fix = "#/settings";
        } else if (code.startsWith("client") || lower.startsWith("download client")) {
            kind = "client";
            fix = "#/settings";
        } else if (code.startsWith("plugin") || code.startsWith("scorer") || lower.startsWith("scorer ")) {
            kind = "plugin";
            fix = "#/settings";
        } else {
            kind = "check";
            fix = null;
        }
        m.put("kind", kind);
        m.put("fix", fix);
        return m;
    }
}
