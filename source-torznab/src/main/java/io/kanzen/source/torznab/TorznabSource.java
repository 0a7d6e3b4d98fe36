package io.kanzen.source.torznab;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.NameParser;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.SettingChoices;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Searches a Torznab feed with {@code t=search&q=<series>&cat=…}: the generic function every indexer serves
 * ({@code t=book} is often missing or limited to author/title fields). As for Prowlarr, the volume is not added to
 * the query: trackers name volumes many ways, so the whole series is asked once and the engine reads each title.
 * The connection test asks {@code t=caps}, which also lists the categories offered as choices.
 */
final class TorznabSource implements Source, SettingChoices {
    static final String NAME = "torznab";
    private static final Pattern BTIH = Pattern.compile("xt=urn:btih:([0-9a-fA-F]{40})");

    private final TorznabApi api;
    private final List<String> categories;
    private final NameParser parser;

    TorznabSource(TorznabApi api, List<String> categories, NameParser parser) {
        this.api = api;
        this.categories = List.copyOf(categories);
        this.parser = parser;
    }

    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.SEARCH_RELEASES);
    }

    /** Usenet items (an {@code application/x-nzb} enclosure) are left out: Kanzen has no usenet client. */
    @Override
    public List<Release> search(SearchRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", request.query());
        if (!categories.isEmpty()) {
            params.put("cat", String.join(",", categories));
        }
        params.put("limit", Integer.toString(request.limit()));
        Element root = api.get("search", params);
        Element channel = child(root, "channel");
        if (!"rss".equals(root.getLocalName()) || channel == null) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "the answer of " + api.base() + " is XML but not a Torznab feed (<rss><channel>)");
        }
        String feedTitle = text(channel, "title");
        List<Release> out = new ArrayList<>();
        for (Element item : children(channel, "item")) {
            release(item, feedTitle).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void checkConnection() {
        Element caps = api.get("caps", Map.of());
        if (!"caps".equals(caps.getLocalName())) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "the address answers, but not as a Torznab feed (no <caps>)");
        }
        Element search = child(child(caps, "searching"), "search");
        if (search != null && "no".equalsIgnoreCase(search.getAttribute("available"))) {
            throw new PluginException(ErrorKind.CONFIGURATION, "the Torznab feed at " + api.base() + " offers no text search");
        }
    }

    /** For {@code categories}: every category and sub-category of {@code t=caps}, once each. */
    @Override
    public List<Choice> choices(String settingKey) {
        if (!settingKey.equals("categories")) {
            return List.of();
        }
        Element caps = api.get("caps", Map.of());
        Map<String, String> found = new LinkedHashMap<>();
        for (Element category : children(child(caps, "categories"), "category")) {
            found.putIfAbsent(category.getAttribute("id"), category.getAttribute("name"));
            for (Element sub : children(category, "subcat")) {
                found.putIfAbsent(sub.getAttribute("id"), sub.getAttribute("name"));
            }
        }
        List<Choice> out = new ArrayList<>();
        found.forEach((id, name) -> {
            if (!id.isBlank()) {
                out.add(new Choice(id, id + " " + name));
            }
        });
        return out;
    }

    private Optional<Release> release(Element item, String feedTitle) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (Element a : children(item, "attr")) { // torznab:attr or newznab:attr: same names either way
            attrs.putIfAbsent(a.getAttribute("name").toLowerCase(Locale.ROOT), a.getAttribute("value"));
        }
        Element enclosure = child(item, "enclosure");
        String type = enclosure == null ? "" : enclosure.getAttribute("type");
        if (type.contains("nzb")) {
            return Optional.empty();
        }
        String title = text(item, "title");
        String guid = text(item, "guid");
        // a real magnet first: it carries no key of the feed and does not depend on the feed to resolve; then the
        // .torrent (Jackett and Prowlarr proxy it through their own address)
        String link = firstLink(magnet(attrs.get("magneturl")), magnet(guid), enclosure == null ? null : enclosure.getAttribute("url"),
                text(item, "link"));
        if (title == null || title.isBlank() || link == null) {
            return Optional.empty();
        }
        Integer seeders = count(attrs.get("seeders"));
        Integer peers = count(attrs.get("peers"));
        Integer leechers = seeders != null && peers != null && peers >= seeders ? peers - seeders : null;
        return Optional.of(new Release(NAME, title.strip(), link, LinkKind.of(link).orElseThrow(), size(item, attrs, enclosure), seeders,
                leechers, date(text(item, "pubDate")), guid, infoHash(attrs.get("infohash"), link), indexer(item, feedTitle), "torrent",
                parser.parse(title)));
    }

    private static long size(Element item, Map<String, String> attrs, Element enclosure) {
        for (String candidate : new String[] {text(item, "size"), attrs.get("size"), enclosure == null ? null : enclosure.getAttribute("length")}) {
            try {
                long n = candidate == null ? 0 : Long.parseLong(candidate.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // try the next place the size may be
            }
        }
        return -1;
    }

    private static String indexer(Element item, String feedTitle) {
        for (String tag : new String[] {"jackettindexer", "prowlarrindexer"}) {
            String name = text(item, tag);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        return feedTitle == null || feedTitle.isBlank() ? null : feedTitle.strip();
    }

    private static String infoHash(String attr, String link) {
        if (attr != null && attr.strip().matches("[0-9a-fA-F]{40}")) {
            return attr.strip().toLowerCase(Locale.ROOT);
        }
        Matcher m = BTIH.matcher(link);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static Instant date(String pubDate) {
        if (pubDate == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(pubDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null; // an unreadable date is an unknown one
        }
    }

    private static String magnet(String s) {
        return s != null && LinkKind.of(s).filter(k -> k == LinkKind.MAGNET).isPresent() ? s.strip() : null;
    }

    private static String firstLink(String... candidates) {
        for (String c : candidates) {
            if (c != null && LinkKind.of(c).isPresent()) {
                return c.strip();
            }
        }
        return null;
    }

    private static Integer count(String value) {
        try {
            int n = value == null ? -1 : Integer.parseInt(value.strip());
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null; // Jackett writes value="" when the tracker does not say
        }
    }

    private static Element child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent();
    }
}
