package io.kanzen.source.nautiljon;

import io.kanzen.api.source.EditionInfo;
import io.kanzen.api.source.PublicationStatus;
import io.kanzen.api.source.SeriesMetadata;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A series fiche ({@code /mangas/<slug>.html}): the info rows ({@code <li><span class="bold">Label : </span>value}),
 * the volume counts with their status, the publishers, and the last and next French volumes.
 */
final class FichePage {
    private static final Pattern COUNT = Pattern.compile("(\\d+)\\s*(?:\\(([^)]*)\\))?");
    private static final Pattern VOLUME = Pattern.compile("(?i)vol\\.?\\s*(\\d+(?:\\.\\d+)?)");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FichePage() {}

    /** Empty when the page has no title: not a fiche. */
    static Optional<SeriesMetadata> read(String html, String url) {
        Document doc = Jsoup.parse(html, url);
        Element name = doc.selectFirst("h1.h1titre [itemprop=name]");
        String title = name != null ? name.text().strip() : Optional.ofNullable(doc.selectFirst("h1.h1titre")).map(e -> e.ownText().strip()).orElse("");
        if (title.isBlank()) {
            return Optional.empty();
        }
        Map<String, Element> rows = rows(doc);
        List<String> alternatives = new ArrayList<>();
        text(rows, "Titre original").ifPresent(t -> split(t).forEach(alternatives::add));
        text(rows, "Titre alternatif").ifPresent(t -> split(t).forEach(alternatives::add));
        alternatives.removeIf(a -> a.equalsIgnoreCase(title));

        EditionInfo vo = edition(rows, "Nb volumes VO", "Éditeur VO", null, null);
        EditionInfo.VolumeDate[] vf = frenchReleases(doc);
        EditionInfo vfInfo = edition(rows, "Nb volumes VF", "Éditeur VF", vf[0], vf[1]);

        List<String> authors = new ArrayList<>();
        for (String label : List.of("Auteur", "Auteur original", "Scénariste", "Dessinateur")) {
            Element row = rows.get(label);
            if (row != null) {
                row.select("a").forEach(a -> {
                    if (!authors.contains(a.text().strip())) {
                        authors.add(a.text().strip());
                    }
                });
            }
        }
        List<String> genres = new ArrayList<>();
        Element genreRow = rows.getOrDefault("Genres", rows.get("Genre"));
        if (genreRow != null) {
            genreRow.select("a").forEach(a -> genres.add(a.text().strip()));
        }
        Element cover = doc.selectFirst("#onglets_3_couverture[href]");
        String coverUrl = cover != null ? cover.absUrl("href")
                : Optional.ofNullable(doc.selectFirst("meta[property=og:image]")).map(m -> m.attr("content")).orElse(null);
        String canonical = Optional.ofNullable(doc.selectFirst("meta[property=og:url]")).map(m -> m.attr("content")).filter(s -> !s.isBlank()).orElse(url);
        return Optional.of(new SeriesMetadata(title, alternatives, canonical, vo.volumeCount() == null && vo.publishers().isEmpty() ? null : vo,
                vfInfo.volumeCount() == null && vfInfo.publishers().isEmpty() && vf[0] == null && vf[1] == null ? null : vfInfo,
                authors, genres, coverUrl == null || coverUrl.isBlank() ? null : coverUrl));
    }

    /** The info rows by label, without the trailing colon. */
    private static Map<String, Element> rows(Document doc) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element li : doc.select(".infosFicheTop .liste_infos ul li")) {
            Element label = li.selectFirst("> span.bold");
            if (label != null) {
                out.putIfAbsent(label.text().replace(":", "").strip(), li);
            }
        }
        return out;
    }

    /** The row's value: its text without the label. */
    private static Optional<String> text(Map<String, Element> rows, String label) {
        Element li = rows.get(label);
        if (li == null) {
            return Optional.empty();
        }
        Element copy = li.clone();
        copy.select("> span.bold").remove();
        String t = copy.text().strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    private static List<String> split(String t) {
        return Arrays.stream(t.split("/")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static EditionInfo edition(Map<String, Element> rows, String countLabel, String publisherLabel, EditionInfo.VolumeDate last,
            EditionInfo.VolumeDate next) {
        Integer count = null;
        PublicationStatus status = PublicationStatus.UNKNOWN;
        Optional<String> c = text(rows, countLabel);
        if (c.isPresent()) {
            Matcher m = COUNT.matcher(c.get());
            if (m.find()) {
                count = Integer.parseInt(m.group(1));
                status = status(m.group(2));
            } else {
                status = status(c.get()); // "(À paraître)" with no number yet
            }
        }
        List<String> publishers = new ArrayList<>();
        Element p = rows.get(publisherLabel);
        if (p != null) {
            p.select("[itemprop=legalName]").forEach(e -> publishers.add(e.text().strip()));
            if (publishers.isEmpty()) {
                p.select("a").forEach(e -> publishers.add(e.text().strip()));
            }
        }
        return new EditionInfo(count, status, publishers, last, next);
    }

    static PublicationStatus status(String text) {
        if (text == null) {
            return PublicationStatus.UNKNOWN;
        }
        String s = SearchPage.key(text);
        if (s.contains("en cours")) {
            return PublicationStatus.ONGOING;
        }
        if (s.contains("termine")) {
            return PublicationStatus.FINISHED;
        }
        if (s.contains("a paraitre")) {
            return PublicationStatus.UPCOMING;
        }
        if (s.contains("abandonne")) {
            return PublicationStatus.ABANDONED;
        }
        if (s.contains("attente") || s.contains("pause")) {
            return PublicationStatus.ON_HOLD;
        }
        return PublicationStatus.UNKNOWN;
    }

    /** {@code li.nav_vols}: "Dernier paru" and "À paraître", each a volume link and a dd/mm/yyyy date. */
    private static EditionInfo.VolumeDate[] frenchReleases(Document doc) {
        EditionInfo.VolumeDate[] out = new EditionInfo.VolumeDate[2];
        for (Element block : doc.select("li.nav_vols > div")) {
            Element heading = block.selectFirst("strong");
            Element link = block.selectFirst("a[title]");
            Element date = block.selectFirst("span.infos_small");
            if (heading == null || link == null || date == null) {
                continue;
            }
            Matcher v = VOLUME.matcher(link.attr("title"));
            LocalDate d;
            try {
                d = LocalDate.parse(date.text().strip(), FRENCH_DATE);
            } catch (DateTimeParseException e) {
                continue; // "2026" or "N/C": no exact date
            }
            if (!v.find()) {
                continue;
            }
            EditionInfo.VolumeDate vd = new EditionInfo.VolumeDate(Double.parseDouble(v.group(1)), d);
            String h = SearchPage.key(heading.text());
            if (h.startsWith("dernier")) {
                out[0] = vd;
            } else if (h.contains("paraitre")) {
                out[1] = vd;
            }
        }
        return out;
    }

}
