package io.kanzen.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.kanzen.api.ConfigProperty;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.core.Kanzen;
import io.kanzen.core.LoadedPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/notifiers}: the configured notifiers (secrets masked, never returned), the kinds with their settings
 * for the form (the plugin's own, then {@code events} and {@code language}), saving, removing and sending a test.
 */
final class NotifierApi {
    private final Kanzen kanzen;

    NotifierApi(Kanzen kanzen) {
        this.kanzen = kanzen;
    }

    void register(RoutesConfig r) {
        r.get("/api/notifiers", ctx -> ctx.json(Map.of("configured", kanzen.notifiers(), "kinds", kinds())));
        r.post("/api/notifiers", ctx -> {
            JsonNode body = Api.body(ctx);
            save(ctx, Api.required(body, "name"), body);
        });
        r.post("/api/notifiers/{name}", ctx -> save(ctx, ctx.pathParam("name"), Api.body(ctx)));
        r.post("/api/notifiers/{name}/test", ctx -> {
            kanzen.testNotifier(ctx.pathParam("name"));
            ctx.json(Map.of("ok", true));
        });
        r.delete("/api/notifiers/{name}", ctx -> {
            kanzen.removeNotifier(ctx.pathParam("name"));
            ctx.status(204);
        });
    }

    /** Body: {@code {"kind": "discord", "settings": {...}}}; {@code events} may be a JSON array or comma-separated text. */
    private void save(Context ctx, String name, JsonNode body) {
        Map<String, String> settings = new LinkedHashMap<>();
        body.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().isArray()
                ? String.join(",", textsOf(e.getValue())) : e.getValue().asText()));
        if (body.path("events").isArray()) {
            settings.put("events", String.join(",", textsOf(body.get("events"))));
        }
        ctx.json(kanzen.saveNotifier(name, Api.required(body, "kind"), settings));
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private List<Map<String, Object>> kinds() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LoadedPlugin p : kanzen.plugins()) {
            for (NotifierFactory f : p.plugin().notifierFactories()) {
                out.add(SettingForms.kind(f.name(), p.name(), io.kanzen.api.SettingTexts.of(p.plugin().getClass(), f.name()).or(SettingForms.HOST),
                        kanzen.notifierProperties(f.name())));
            }
        }
        return out;
    }
}
