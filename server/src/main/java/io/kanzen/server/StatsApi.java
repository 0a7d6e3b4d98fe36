package io.kanzen.server;

import io.javalin.config.RoutesConfig;
import io.kanzen.core.DailyActivity;
import io.kanzen.core.Kanzen;
import io.kanzen.core.SourceActivity;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/stats}: the statistics page's figures, counted from the history, the grabs and the recorded missing
 * counts. {@code days} (1 to 366, 30 by default) is the period; {@code tz} the time zone of the days (the server's by
 * default). {@code empty} says there is nothing to draw yet.
 */
final class StatsApi {
    private final Kanzen kanzen;

    StatsApi(Kanzen kanzen) {
        this.kanzen = kanzen;
    }

    void register(RoutesConfig r) {
        r.get("/api/stats/daily", ctx -> {
            int days = HistoryApi.number(ctx, "days", 30, 1, 366);
            ZoneId zone = HistoryApi.zone(ctx);
            List<DailyActivity> daily = kanzen.dailyActivity(days, zone);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("days", days);
            out.put("zone", zone.getId());
            out.put("empty", daily.stream().allMatch(d -> d.sent() + d.imported() + d.failed() == 0 && d.missing() == null));
            out.put("items", daily.stream().map(d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("day", d.day().toString());
                m.put("sent", d.sent());
                m.put("imported", d.imported());
                m.put("failed", d.failed());
                m.put("missing", d.missing());
                return m;
            }).toList());
            ctx.json(out);
        });
        r.get("/api/stats/sources", ctx -> {
            int days = HistoryApi.number(ctx, "days", 30, 1, 366);
            List<SourceActivity> sources = kanzen.sourceActivity(days);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("days", days);
            out.put("empty", sources.isEmpty());
            out.put("items", sources.stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", s.source()); // null: links sent by hand
                m.put("searches", s.searches());
                m.put("searchFailures", s.searchFailures());
                m.put("sent", s.sent());
                m.put("imported", s.imported());
                m.put("failed", s.failed());
                m.put("active", s.active());
                m.put("successRate", s.successRate());
                return m;
            }).toList());
            ctx.json(out);
        });
    }
}
