package io.kanzen.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.JudgedRelease;
import io.kanzen.core.JudgedSearch;
import io.kanzen.core.Kanzen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manual search (branch queue): {@code POST /api/missing-monitor/search} answers every release with the fields it
 * always had, plus what the decision engine says of it for the library series the title names (score, reasons,
 * volumes already owned, already sent); {@code GET /api/search/sources} lists the sources that find releases, for the
 * form's choices.
 */
final class ManualSearchApi {
    private final Kanzen kanzen;

    ManualSearchApi(Kanzen kanzen) {
        this.kanzen = kanzen;
    }

    void register(RoutesConfig r) {
        r.get("/api/search/sources", ctx -> ctx.json(Map.of("sources", kanzen.releaseSources())));
        r.post(Api.MM + "/search", this::search);
    }

    private void search(Context ctx) {
        JsonNode body = Api.body(ctx);
        String title = Api.required(body, "title");
        VolumeRange volume = body.hasNonNull("volume_num") ? Api.volume(body.get("volume_num")) : null;
        JudgedSearch judged = kanzen.searchJudged(title, volume, Api.list(body, "sources", List.of()));
        List<Map<String, Object>> results = new ArrayList<>();
        for (JudgedRelease j : judged.releases()) {
            results.add(result(j));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        out.put("problems", judged.problems());
        out.put("problem_details", judged.typedProblems()); // i18n: the sources' failures with their codes
        out.put("series", judged.seriesId() == null ? null : Map.of("id", judged.seriesId(), "title", judged.seriesTitle()));
        ctx.json(out);
    }

    static Map<String, Object> result(JudgedRelease j) {
        Map<String, Object> m = j.decision() != null ? Api.decision(j.decision()) : Api.release(j.release());
        if (j.decision() == null) {
            m.put("accepted", null);
            m.put("score", null);
            m.put("score_breakdown", List.of());
            m.put("rejections", List.of());
            m.put("rejection_reasons", List.of());
        }
        if (j.language() != null) {
            m.put("language", j.language()); // read knowing the series: its own words are not taken for a tag
        }
        m.put("edition", j.edition());
        m.put("publish_date", j.release().publishDate() == null ? null : j.release().publishDate().toString());
        m.put("leechers", j.release().leechers());
        m.put("owned", j.owned());
        m.put("held", j.held());
        return m;
    }
}
