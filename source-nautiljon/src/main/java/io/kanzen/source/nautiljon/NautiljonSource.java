package io.kanzen.source.nautiljon;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Series facts from Nautiljon: the volume counts VO and VF with their status, publishers, authors, genres,
 * cover, and the last and next French volumes. A pinned fiche URL is read directly; otherwise the search needs
 * the {@code st} token of {@code /mangas/} first, then the best title match is read.
 */
final class NautiljonSource implements Source {
    static final String NAME = "nautiljon";

    private final NautiljonSite site;

    NautiljonSource(NautiljonSite site) {
        this.site = site;
    }

    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.SERIES_METADATA);
    }

    @Override
    public Optional<SeriesMetadata> metadata(SeriesQuery query) {
        if (query.pinnedUrl() != null && !query.pinnedUrl().isBlank()) {
            URI pinned = URI.create(query.pinnedUrl().strip());
            String host = pinned.getHost() == null ? null : pinned.getHost().toLowerCase(java.util.Locale.ROOT);
            String own = site.base().getHost().toLowerCase(java.util.Locale.ROOT);
            // the configured site or one of its sub-domains only: "evilnautiljon.com" ends with "nautiljon.com" too
            if (host == null || !(host.equals(own) || host.endsWith("." + own))
                    || !("http".equalsIgnoreCase(pinned.getScheme()) || "https".equalsIgnoreCase(pinned.getScheme()))) {
                throw new IllegalArgumentException("a pinned Nautiljon page must be on " + site.base().getHost());
            }
            return fiche(pinned.toString());
        }
        Optional<SearchPage.Hit> hit = SearchPage.best(search(query.title()), query.title());
        return hit.flatMap(h -> fiche(h.path()));
    }

    @Override
    public void checkConnection() {
        site.check();
    }

    private java.util.List<SearchPage.Hit> search(String title) {
        for (int attempt = 0; attempt < 2; attempt++) {
            String token = site.page("/mangas/", false).flatMap(p -> SearchPage.token(p.html()))
                    .orElseThrow(() -> new PluginException(ErrorKind.BAD_RESPONSE, "Nautiljon's search page has no search token (st): its layout changed"));
            String path = "/mangas/?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&st=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            Optional<NautiljonSite.Page> page = site.page(path, false);
            if (page.isEmpty()) {
                return java.util.List.of();
            }
            if (!SearchPage.sessionExpired(page.get().html())) {
                return SearchPage.hits(page.get().html());
            }
            // the token expired between the two pages: one more try with a new one
        }
        throw new PluginException(ErrorKind.BAD_RESPONSE, "Nautiljon keeps saying the search session expired");
    }

    private Optional<SeriesMetadata> fiche(String path) {
        return site.page(path, true).flatMap(p -> {
            Optional<SeriesMetadata> m = FichePage.read(p.html(), p.url());
            if (m.isEmpty()) {
                throw new PluginException(ErrorKind.BAD_RESPONSE, "Nautiljon's page " + p.url() + " is not a series fiche Kanzen can read");
            }
            return m;
        });
    }
}
