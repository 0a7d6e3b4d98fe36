package io.kanzen.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.kanzen.api.SettingChoices;
import io.kanzen.core.Kanzen;
import io.kanzen.core.Library;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Réglages page needs beyond the plain listings: editing a library, and the values a source's or client's
 * peer offers for one of its settings (Prowlarr's indexers), so that the form offers a list instead of free text.
 */
final class SettingsApi {
    private final Kanzen kanzen;

    SettingsApi(Kanzen kanzen) {
        this.kanzen = kanzen;
    }

    void register(RoutesConfig r) {
        // a partial edit: {"name": …, "path": …, "chapters": …}, fields left out keep their value
        r.put("/api/libraries/{name}", ctx -> {
            String name = ctx.pathParam("name");
            Library current = kanzen.library(name).orElseThrow(() -> new ApiException(404, "library.notFound", Map.of("name", name),
                    "no library named '" + name + "'", null));
            JsonNode body = Api.body(ctx);
            Library edited = kanzen.editLibrary(current.name(), Api.text(body, "name", current.name()),
                    path(Api.text(body, "path", current.root().toString())),
                    body.hasNonNull("chapters") ? body.get("chapters").asBoolean() : current.chapterBased());
            ctx.json(library(edited));
        });
        r.get("/api/plugins/{role}/{name}/choices/{key}", ctx -> {
            String name = ctx.pathParam("name");
            String key = ctx.pathParam("key");
            String role = ctx.pathParam("role");
            List<SettingChoices.Choice> choices = switch (role) {
                case "sources" -> kanzen.sourceChoices(name, key);
                case "clients" -> kanzen.clientChoices(name, key);
                default -> throw new ApiException(404, "choices.noRole", Map.of("role", role),
                        "only sources and clients offer choices for their settings", null);
            };
            // scoretexts: each value with its text in every language, from the plugin's <key>.choice.<value> where it
            // ships one (Newznab's standard categories), else the peer's own label (an indexer's name)
            String kind = (role.equals("sources") ? kanzen.sources() : kanzen.clients()).stream().filter(i -> i.name().equals(name))
                    .map(io.kanzen.core.ConfiguredInstance::kind).findFirst().orElse("");
            io.kanzen.api.SettingTexts texts = SettingForms.texts(kanzen, role, kind);
            List<Map<String, Object>> out = new java.util.ArrayList<>();
            for (SettingChoices.Choice c : choices) {
                Map<String, String> byLanguage = new LinkedHashMap<>();
                io.kanzen.api.SettingTexts.LANGUAGES.forEach(lang -> byLanguage.put(lang, texts.choice(lang, key, c.value(), c.label())));
                out.add(Map.of("value", c.value(), "label", c.label(), "texts", byLanguage));
            }
            ctx.json(Map.of("choices", out));
        });
    }

    /** A library as the API shows it: its folder as a plain path ({@code /srv/manga}), never a {@code file://} URI. */
    static Map<String, Object> library(Library l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("name", l.name());
        m.put("root", l.root().toString());
        m.put("lastScan", l.lastScan());
        m.put("chapterBased", l.chapterBased());
        return m;
    }

    static Path path(String text) {
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw ApiException.badInput("path", "library.pathInvalid", Map.of("path", text), "'" + text + "' is not a folder path");
        }
    }
}
