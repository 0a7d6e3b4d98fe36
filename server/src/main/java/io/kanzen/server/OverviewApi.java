package io.kanzen.server;

import io.javalin.config.RoutesConfig;
import io.kanzen.core.CheckRun;
import io.kanzen.core.Health;
import io.kanzen.core.Kanzen;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.PluginProblem;
import io.kanzen.core.Problem;
import io.kanzen.core.SeriesSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/overview}: what the Aperçu shows in one call (figures, the last and next check, the running one,
 * pending proposals, problems with where each is fixed), and {@code /api/missing-monitor/events}, the server-sent
 * events that carry a running check's progress and its summary when it ends.
 */
final class OverviewApi {
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
        List<SeriesSummary> series = seriesLongestFirst();
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Problem p : health.problems()) {
            problems.add(problem(p, series));
        }
        for (PluginProblem p : kanzen.pluginProblems()) {
            problems.add(problem(Problem.of("plugin.skipped", "plugin " + p.location() + " was skipped: " + p.message(), "location", p.location(),
                    "detail", p.message()), series));
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
        List<SeriesSummary> series = seriesLongestFirst();
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
        m.put("problems", run.problems().stream().map(p -> problem(p, series)).toList());
        return m;
    }

    /** The series by title, longest first: "One Piece Party" is tried before "One Piece" against a problem's text. */
    private List<SeriesSummary> seriesLongestFirst() {
        List<SeriesSummary> series = new ArrayList<>(kanzen.series());
        series.sort(Comparator.comparingInt((SeriesSummary s) -> s.title().length()).reversed());
        return series;
    }

    /**
     * One problem ({@code code}, {@code params}, English {@code message}) with where it is fixed: {@code #/config}
     * for the monitor settings, {@code #/settings} for a source, a client or a plugin, the series' page
     * ({@code #/series/N}) for anything else met on one series, {@code #/downloads} for a download; {@code kind}
     * names which, and {@code series_id} the series it was met on.
     */
    private static Map<String, Object> problem(Problem p, List<SeriesSummary> series) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("params", p.params());
        m.put("message", p.message());
        String code = p.code();
        String title = p.params().get("series");
        SeriesSummary about = null;
        for (SeriesSummary s : series) {
            if (title != null ? s.title().equals(title) : p.message().startsWith(s.title() + ": ")) {
                about = s;
                break;
            }
        }
        String kind;
        String fix;
        if (code.startsWith("settings.")) {
            kind = "config";
            fix = "#/config";
        } else if (code.startsWith("source.") || code.startsWith("plugin.") && !code.equals("plugin.skipped") || code.startsWith("metadata.")) {
            kind = "source";
            fix = "#/settings";
        } else if (code.startsWith("client.")) {
            kind = "client";
            fix = "#/settings";
        } else if (code.startsWith("scorer.") || code.equals("plugin.skipped")) {
            kind = "plugin";
            fix = "#/settings";
        } else if (code.startsWith("import") || code.startsWith("download.")) {
            kind = "download";
            fix = "#/downloads";
        } else {
            kind = "check";
            fix = null;
        }
        if (about != null) {
            m.put("series_id", about.id());
            if (fix == null || kind.equals("download")) { // nothing to set elsewhere: the series' page is where to look
                kind = "series";
                fix = "#/series/" + about.id();
            }
        }
        m.put("kind", kind);
        m.put("fix", fix);
        return m;
    }
}
