package io.kanzen.source.nautiljon;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The search page: its hidden {@code st} token, and the result table ({@code table.search}). */
final class SearchPage {
    /** One result row: the fiche path, the title and the alternative title in brackets. */
    record Hit(String path, String title, String alternative) {}

    private SearchPage() {}

    static Optional<String> token(String html) {
        Element st = Jsoup.parse(html).selectFirst("input[name=st]");
        return st == null || st.attr("value").isBlank() ? Optional.empty() : Optional.of(st.attr("value"));
    }

    static boolean sessionExpired(String html) {
        return html.toLowerCase(Locale.ROOT).contains("session de recherche a expiré");
    }

    static List<Hit> hits(String html) {
        Document doc = Jsoup.parse(html);
        List<Hit> out = new ArrayList<>();
        for (Element row : doc.select("table.search > tbody > tr")) {
            Element link = row.selectFirst("a.eTitre[href]");
            if (link == null) {
                continue;
            }
            Element alt = row.selectFirst("td.left span.infos_small");
            String alternative = alt == null ? null : alt.text().replaceAll("^\\((.*)\\)$", "$1").strip();
            String title = link.hasAttr("title") && !link.attr("title").isBlank() ? link.attr("title") : link.text();
            out.add(new Hit(link.attr("href"), title.strip(), alternative));
        }
        return out;
    }

    /**
     * The hit that names the series: the same title or alternative title (accents, case and punctuation aside)
     * first, then the one sharing most words with the query, the shorter title winning a tie (the series itself
     * over its spin-offs). Empty when no hit shares a word.
     */
    static Optional<Hit> best(List<Hit> hits, String query) {
        String q = key(query);
        for (Hit h : hits) {
            if (key(h.title()).equals(q) || h.alternative() != null && key(h.alternative()).equals(q)) {
                return Optional.of(h);
            }
        }
        Set<String> words = Set.of(q.split(" "));
        return hits.stream()
                .filter(h -> overlap(words, h) > 0)
                .max(Comparator.<Hit>comparingDouble(h -> overlap(words, h)).thenComparing(h -> -h.title().length()));
    }

    private static double overlap(Set<String> words, Hit h) {
        Set<String> title = new HashSet<>(List.of(key(h.title()).split(" ")));
        if (h.alternative() != null) {
            title.addAll(List.of(key(h.alternative()).split(" ")));
        }
        long shared = words.stream().filter(title::contains).count();
        return (double) shared / Math.max(words.size(), key(h.title()).split(" ").length);
    }

    /** Lower case, no accents, letters and digits separated by single spaces. */
    static String key(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
