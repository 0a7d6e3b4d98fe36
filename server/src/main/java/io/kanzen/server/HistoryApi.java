package io.kanzen.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.kanzen.core.HistoryCsv;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.HistoryFilter;
import io.kanzen.core.HistoryPage;
import io.kanzen.core.Kanzen;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/history}: the history page's events, filtered and paged, and their export.
 *
 * <p>Filters, the same for a page and an export: {@code type} (event types, repeated or separated by commas:
 * {@code grab,import}), {@code series} (a series id), {@code from} and {@code to} (a day {@code 2026-11-30}, both
 * included, in the time zone {@code tz}, the server's by default; or an instant {@code 2026-11-30T12:00:00Z}, the end
 * excluded), {@code outcome} ({@code success} or {@code failure}). A page: {@code offset} and {@code limit} (at most
 * {@link HistoryPage#MAX_LIMIT}), answered with the {@code total} the filters match.
 */
final class HistoryApi {
    private final Kanzen kanzen;

    HistoryApi(Kanzen kanzen) {
        this.kanzen = kanzen;
    }

    void register(RoutesConfig r) {
        r.get("/api/history", ctx -> {
            HistoryFilter filter = filter(ctx);
            int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
            int limit = number(ctx, "limit", 50, 1, HistoryPage.MAX_LIMIT);
            HistoryPage page = kanzen.history(filter, offset, limit);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", page.total());
            out.put("offset", page.offset());
            out.put("limit", page.limit());
            out.put("items", page.items().stream().map(HistoryApi::event).toList());
            ctx.json(out);
        });
        r.get("/api/history/series", ctx -> {
            List<Map<String, Object>> out = new ArrayList<>();
            kanzen.historySeries().forEach((id, title) -> out.add(Map.of("id", id, "title", title == null ? "" : title)));
            ctx.json(out);
        });
        r.get("/api/history/export", ctx -> {
            HistoryFilter filter = filter(ctx);
            String format = param(ctx, "format", "csv");
            if (!format.equals("csv") && !format.equals("json")) {
                throw ApiException.badInput("format", "input.choice", Map.of("choices", "csv, json"), "format is csv or json");
            }
            boolean csv = format.equals("csv");
            ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=kanzen-history." + format);
            // written as it is read: an export of a long history is never held whole in memory
            try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
                out.write(csv ? HistoryCsv.HEADER + "\n" : "[");
                boolean[] first = {true};
                kanzen.exportHistory(filter, e -> {
                    try {
                        if (csv) {
                            out.write(HistoryCsv.row(e));
                            out.write('\n');
                        } else {
                            out.write(first[0] ? "\n" : ",\n");
                            out.write(ctx.jsonMapper().toJsonString(event(e), Map.class));
                        }
                        first[0] = false;
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                });
                out.write(csv ? "" : "\n]\n");
            }
        });
    }

    /**
     * One event as the page and the JSON export show it: types in lower case, the volume as text ("3", "1-3"); the
     * English message for whoever does not know the code (null for events stored before codes).
     */
    static Map<String, Object> event(HistoryEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at().toString());
        m.put("type", e.kind().name().toLowerCase(Locale.ROOT));
        m.put("success", e.success());
        m.put("seriesId", e.seriesId());
        m.put("series", e.seriesTitle());
        m.put("source", e.source());
        m.put("client", e.client());
        m.put("query", e.query());
        m.put("results", e.results());
        m.put("volume", e.volume() == null ? null : e.volume().toString());
        m.put("message", e.message());
        m.put("grabId", e.grabId());
        // branch histcodes: what happened as a code and its parameters, for the page to say it in the user's language
        m.put("code", e.code());
        m.put("params", e.params());
        return m;
    }

    static HistoryFilter filter(Context ctx) {
        Set<HistoryEvent.Kind> kinds = EnumSet.noneOf(HistoryEvent.Kind.class);
        for (String value : ctx.queryParams("type")) {
            for (String t : value.split(",")) {
                if (!t.isBlank()) {
                    kinds.add(kind(t.trim()));
                }
            }
        }
        Long series = ctx.queryParam("series") == null || ctx.queryParam("series").isBlank() ? null
                : (long) number(ctx, "series", 0, 1, Integer.MAX_VALUE);
        ZoneId zone = zone(ctx);
        Instant from = instant(ctx, "from", zone, false);
        Instant to = instant(ctx, "to", zone, true);
        Boolean success = switch (param(ctx, "outcome", "all")) {
            case "all" -> null;
            case "success" -> true;
            case "failure" -> false;
            default -> throw ApiException.badInput("outcome", "input.choice", Map.of("choices", "all, success, failure"), "outcome is all, success or failure");
        };
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badInput("to", "input.period", null, "the end of the period (to) must come after its start (from)");
        }
        return new HistoryFilter(kinds, series, from, to, success);
    }

    private static HistoryEvent.Kind kind(String t) {
        try {
            return HistoryEvent.Kind.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String types = String.join(", ", EnumSet.allOf(HistoryEvent.Kind.class).stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
            throw ApiException.badInput("type", "input.choice", Map.of("choices", types), "unknown event type '" + t + "' (types: " + types + ")");
        }
    }

    /** The time zone of the days given and shown: {@code tz}, else the server's. */
    static ZoneId zone(Context ctx) {
        String tz = ctx.queryParam("tz");
        if (tz == null || tz.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw ApiException.badInput("tz", "input.timeZone", Map.of("value", tz), "unknown time zone '" + tz + "' (for example Europe/Paris)");
        }
    }

    /** A day (its start; for an end, the start of the next day: the day is included) or an instant. */
    private static Instant instant(Context ctx, String name, ZoneId zone, boolean end) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput(name, "input.date", Map.of("value", v), name + " is a day (2026-11-30) or an instant (2026-11-30T12:00:00Z)");
        }
    }

    static int number(Context ctx, String name, int otherwise, int min, int max) {
        String v = param(ctx, name, null);
        if (v == null) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw ApiException.badInput(name, "input.range", Map.of("min", min, "max", max), name + " is between " + min + " and " + max);
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw ApiException.badInput(name, "input.wholeNumber", null, name + " is a whole number");
        }
    }

    static String param(Context ctx, String name, String otherwise) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
