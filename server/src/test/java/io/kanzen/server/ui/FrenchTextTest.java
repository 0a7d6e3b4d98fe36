package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.SeriesSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The French UI is in French: with a library, a source and a client set up, history and a failed check, every page
 * (the list of {@code pages/index.js}, as the browser loads it), a series page and the login screen are read as a
 * user reads them ({@code document.body.innerText}) and no common English word may show, proper nouns and loanwords
 * aside. And switching the language redraws what is on screen, without a reload.
 */
class FrenchTextTest {
    /**
     * Common English words that are not French. Words both languages share ("date", "source", "client", "message",
     * "type", "format", "total", "page", "configuration", "description", "action", "options", "version", "test",
     * "minutes", "score", "import", "export", "file", "queue", "scan", "stats", "on", "or", "as", "an", "long", "change",
     * "sort", "minimum", "maximum"...) are not here.
     */
    static final Set<String> ENGLISH = Set.copyOf(List.of(
            "the", "and", "of", "to", "in", "is", "are", "was", "be", "been", "with", "for", "from", "this", "that", "these", "those",
            "your", "you", "it", "its", "not", "no", "yes", "by", "at", "if", "when", "what", "which", "who", "how", "why", "all", "any",
            "every", "each", "none", "some", "more", "less", "than", "then", "now", "never", "always", "last", "next", "previous", "first",
            "new", "old", "here", "there", "can", "cannot", "could", "would", "should", "will", "must", "has", "have", "had", "does", "do",
            "did", "done", "yet", "still", "again", "only", "also", "just", "too", "very", "much", "many", "one", "two", "three",
            "missing", "download", "downloads", "downloading", "downloaded", "settings", "setting", "failed",
            "failure", "failures", "sent", "send", "sending", "check", "checks", "checked", "checking", "search", "searches", "searching",
            "results", "result", "found", "history", "statistics", "overview", "proposal", "proposals", "library", "libraries", "save",
            "saved", "delete", "deleted", "cancel", "cancelled", "canceled", "retry", "login", "logout", "sign", "password", "user",
            "username", "name", "names", "enabled", "disabled", "enable", "disable", "running", "idle", "error", "errors", "warning",
            "loading", "refresh", "add", "added", "remove", "removed", "edit", "owned", "wanted", "language", "languages", "size", "query",
            "title", "titles", "status", "state", "queued", "paused", "stalled", "completed", "complete", "imported", "grab", "grabbed",
            "series", "interval", "hours", "hour", "days", "day", "weeks", "week", "monitor", "monitored", "monitoring", "unmonitored",
            "key", "token", "address", "path", "folder", "folders", "scanned", "rescan", "upcoming", "ongoing", "finished", "unknown",
            "reason", "reasons", "problem", "problems", "up", "down", "degraded", "health", "approve", "approved", "reject", "rejected",
            "blocklist", "blocklisted", "chapter", "chapters", "edition", "editions", "seen", "show", "hide", "open", "close", "back",
            "help", "nothing", "something", "everything", "click", "today", "yesterday", "ago", "since", "until", "after", "before",
            "between", "per", "about", "into", "out", "over", "under", "other", "another", "same", "while", "without", "within", "please",
            "need", "needs", "needed", "make", "get", "got", "used", "using", "choose", "select", "selected", "apply", "reset", "clear",
            "submit", "create", "created", "update", "updated", "upload", "link", "links", "release", "releases", "group", "groups",
            "word", "words", "pinned", "metadata", "manual", "automatic", "automatically", "speed", "left", "seeding", "progress",
            "events", "event", "kind", "kinds", "skipped", "loaded", "rotate", "current", "filter", "filters", "held", "already",
            "waiting", "started", "start", "stopped", "ended", "took", "empty", "let", "lets", "dry", "run", "runs"));
    /** Names and loanwords a French user reads as they are. */
    static final Set<String> ALLOWED = Set.of("prowlarr", "qbittorrent", "amule", "ebdz", "nautiljon", "torznab", "anilist", "jackett", "torrent",
            "torrents", "magnet", "seeders", "leechers", "ed2k", "api", "csv", "json", "url", "ok", "e-mail", "email", "webhook", "kanzen", "english",
            "discord", "telegram", "ntfy", "gotify", "smtp", "http", "https", "cbz", "cbr", "epub", "pdf", "zip", "id", "manga", "web", "naruto",
            "berserk", "vinland", "saga",
            "release", "releases"); // a loanword among French downloaders (Sonarr and Prowlarr in French say it too)
    @TempDir
    Path tmp;

    /** A library of three series, a source and a client that do not answer, a failed grab, a check with problems. */
    private static long realisticState(Kanzen k, Path tmp) throws IOException {
        Path manga = tmp.resolve("mangas");
        for (String title : List.of("Naruto", "Berserk", "Vinland Saga")) {
            Path dir = Files.createDirectories(manga.resolve(title));
            for (int v : new int[] {1, 2, 4}) {
                Files.write(dir.resolve(title + " - Tome " + v + ".cbz"), new byte[] {1});
            }
        }
        k.addLibrary("Mangas", manga);
        k.scan(null);
        k.saveSource("prowlarr", "prowlarr", Map.of("url", "http://127.0.0.1:9", "apiKey", "cle-de-test"));
        k.saveClient("qbittorrent", "qbittorrent", Map.of("url", "http://127.0.0.1:9", "password", "mot-de-passe"));
        try {
            k.grab("qbittorrent", "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", "Naruto", VolumeRange.of(3));
        } catch (KanzenException expected) {
            // the client does not answer: a failed grab in the history, as a user would meet it
        }
        k.check(false, null); // the source does not answer: problems, failures in the history, a source backed off
        return k.series().stream().filter(s -> s.title().equals("Naruto")).mapToLong(SeriesSummary::id).findFirst().orElseThrow();
    }

    /** The pages of {@code pages/index.js}, as the browser loads them: whatever pages exist, each is read. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pages(UiHarness ui) {
        ui.browser().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(15));
        return (List<Map<String, Object>>) ((org.openqa.selenium.JavascriptExecutor) ui.browser()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/assets/js/pages/index.js').then(m => done(m.PAGES.map(p => ({id: p.id, routed: !!p.route}))))"
                        + ".catch(e => done([]));");
    }

    /**
     * The English words of {@code text}, proper nouns and loanwords aside, and addresses ({@code http://…}) and the
     * names of other programs' menus quoted in guillemets (« Settings ») left out.
     */
    static Set<String> englishWords(String text) {
        Set<String> out = new TreeSet<>();
        // addresses, quoted values, template tokens ({Series}), language codes ("italien (it)") and header names are
        // what the user types or reads as code, not prose
        String read = text.replaceAll("(?:https?|ed2k|magnet):\\S*", " ").replaceAll("«[^»]*»", " ").replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\([a-z]{2}\\)", " ").replaceAll("\\bX-[A-Za-z-]+", " ");
        for (String w : read.split("[^\\p{L}]+")) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (!lower.isEmpty() && ENGLISH.contains(lower) && !ALLOWED.contains(lower)) {
                out.add(lower);
            }
        }
        return out;
    }

    @Test
    void theWordListFindsEnglishAndLeavesFrenchAlone() {
        assertThat(englishWords("Missing volumes: 3 — Download failed")).containsExactly("download", "failed", "missing");
        assertThat(englishWords("un modèle {Series} - Tome {vol:00}, italien (it), en-tête X-Api-Key, une release"))
                .as("template tokens, language codes, header names and the loanword release are not English prose").isEmpty();
        assertThat(englishWords("Tomes manquants : 3 — date, source, client, message, type, format, total (Prowlarr, qBittorrent, torrent)"))
                .isEmpty();
        assertThat(englishWords("Prowlarr → « Settings » → « General », http://localhost:9117/api/v2.0/indexers/all/results")).isEmpty();
    }

    @Test
    void theFrenchTextsOfEveryBundledPluginSettingAreFrench() {
        Map<String, Set<String>> english = new LinkedHashMap<>();
        try (Kanzen k = Kanzen.builder().dataDirectory(tmp.resolve("plugins-data")).build()) {
            for (io.kanzen.core.LoadedPlugin p : k.plugins()) {
                Map<String, List<io.kanzen.api.ConfigProperty>> factories = new LinkedHashMap<>();
                p.plugin().sourceFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
                p.plugin().downloadClientFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
                p.plugin().scorerFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
                p.plugin().notifierFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
                factories.forEach((name, properties) -> {
                    io.kanzen.api.SettingTexts texts = io.kanzen.api.SettingTexts.of(p.plugin().getClass(), name);
                    for (io.kanzen.api.ConfigProperty c : properties) {
                        io.kanzen.api.SettingTexts.Text fr = texts.of("fr", c);
                        Set<String> words = englishWords(fr.label() + " " + fr.help());
                        if (!words.isEmpty()) {
                            english.put(name + "." + c.key(), words);
                        }
                    }
                });
            }
            assertThat(k.plugins()).as("the bundled plugins are on the class path").hasSizeGreaterThanOrEqualTo(8);
        }
        assertThat(english).as("English words in the French setting texts").isEmpty();
    }

    @Test
    void everyPageReadsInFrench() throws IOException {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            long naruto = realisticState(ui.kanzen(), tmp);
            Map<String, Set<String>> found = new LinkedHashMap<>();
            ui.kanzen().accounts().setUp(UiHarness.ADMIN, UiHarness.PASSWORD);
            ui.browser().get(ui.baseUrl() + "/missing-monitor");
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
            found.put("login", englishWords(ui.visibleText()));
            ui.loginAsAdmin();
            List<Map<String, Object>> pages = pages(ui);
            assertThat(pages).as("the pages of pages/index.js").isNotEmpty();
            for (Map<String, Object> page : pages) {
                String id = (String) page.get("id");
                String route = id.equals("series-detail") ? "series/" + naruto : id;
                if (Boolean.TRUE.equals(page.get("routed")) && !id.equals("series-detail")) {
                    continue; // a page reached only by a link this test does not know how to follow
                }
                ui.go(route);
                String seen = ui.visibleText() + "\n" + openDialogs(ui) + "\n" + attributeTexts(ui);
                found.put(id, new TreeSet<>(englishWords(seen)));
                for (String line : seen.split("\n")) { // the sentences themselves, for whoever translates them
                    if (!englishWords(line).isEmpty()) {
                        System.out.println("English on " + id + ": " + line);
                    }
                }
            }
            Map<String, Set<String>> unexpected = new LinkedHashMap<>();
            found.forEach((page, words) -> {
                if (!words.isEmpty()) {
                    unexpected.put(page, words);
                }
            });
            System.out.println("English words in the French UI, per page: " + found);
            assertThat(unexpected).as("English words in the French UI, per page (French texts belong in each page's addTexts or texts.js)")
                    .isEmpty();
        }
    }

    /** What a user reads beside the text: placeholders, tooltips ({@code title}) and labels read aloud ({@code aria-label}). */
    private static String attributeTexts(UiHarness ui) {
        return String.valueOf(ui.script("return [...document.querySelectorAll('#view [placeholder], #view [title], #view [aria-label]')]"
                + ".map(e => [e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label')].filter(Boolean).join(' '))"
                + ".join(' ')"));
    }

    /**
     * The text of the page's dialogs: the ones in the page even when closed (their labels and buttons), and the ones
     * its buttons open when they say so ({@code aria-haspopup=dialog}).
     */
    private static String openDialogs(UiHarness ui) {
        StringBuilder text = new StringBuilder();
        text.append(ui.script("return [...document.querySelectorAll('#view dialog')].map(d => d.textContent + ' '"
                + " + [...d.querySelectorAll('input[placeholder]')].map(i => i.placeholder).join(' ')).join(' ')"));
        List<org.openqa.selenium.WebElement> openers = ui.browser().findElements(By.cssSelector("#view [aria-haspopup='dialog']"));
        for (int i = 0; i < Math.min(openers.size(), 3); i++) {
            org.openqa.selenium.WebElement b = ui.browser().findElements(By.cssSelector("#view [aria-haspopup='dialog']")).get(i);
            if (!b.isDisplayed() || !b.isEnabled()) {
                continue;
            }
            b.click();
            List<org.openqa.selenium.WebElement> open = ui.browser().findElements(By.cssSelector("dialog[open]"));
            for (org.openqa.selenium.WebElement d : open) {
                text.append(' ').append(d.getText());
            }
            ui.script("document.querySelectorAll('dialog[open]').forEach(d => d.close())");
        }
        return text.toString();
    }

    @Test
    void switchingTheLanguageRedrawsEveryPageWithoutAReload() throws IOException {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            long naruto = realisticState(ui.kanzen(), tmp);
            ui.loginAsAdmin();
            ui.script("window.__sameDocument = true");
            List<String> unchanged = new ArrayList<>();
            for (Map<String, Object> page : pages(ui)) {
                String id = (String) page.get("id");
                if (Boolean.TRUE.equals(page.get("routed")) && !id.equals("series-detail")) {
                    continue;
                }
                new Select(ui.browser().findElement(By.id("lang"))).selectByValue("fr");
                ui.go(id.equals("series-detail") ? "series/" + naruto : id);
                String french = ui.browser().findElement(By.id("view")).getText();
                String frenchTabs = ui.browser().findElement(By.id("tabs")).getText();
                new Select(ui.browser().findElement(By.id("lang"))).selectByValue("en");
                try {
                    ui.waiting().until(d -> !d.findElement(By.id("view")).getText().equals(french)
                            && d.findElements(By.cssSelector("#view [data-ready]")).size() > 0);
                } catch (org.openqa.selenium.TimeoutException e) {
                    unchanged.add(id);
                }
                assertThat(ui.browser().findElement(By.id("tabs")).getText()).as("the tabs on " + id).isNotEqualTo(frenchTabs);
            }
            assertThat(ui.script("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
            assertThat(unchanged).as("pages whose text stayed the same after switching to English").isEmpty();
        }
    }
}
