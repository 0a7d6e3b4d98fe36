package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.server.HistoryPeers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Statistiques in headless Chromium: Chart.js from the JAR draws the figures of a history made by real checks, grabs
 * and imports (read back from the chart instances), an empty state says what to do first, in French, in English and
 * on a phone.
 */
class StatsPageTest {
    @TempDir
    Path tmp;
    private final HistoryPeers peers = new HistoryPeers();
    private final HistoryPeers.MovableClock clock = new HistoryPeers.MovableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private int missingAtStart;

    private UiHarness open(String language, int width, boolean history) throws Exception {
        UiHarness ui = UiHarness.start(tmp.resolve("data"), language, width, width < 500 ? 780 : 900,
                b -> b.clock(clock).classpathPlugins(false).plugin(peers));
        try {
            if (history) {
                missingAtStart = peers.makeHistory(ui.kanzen(), clock, tmp);
            }
            return ui.loginAsAdmin();
        } catch (Exception | Error e) {
            ui.close();
            throw e;
        }
    }

    /** What the chart library holds for the chart on {@code canvasId}: its labels and each dataset's label and points. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(UiHarness ui, String canvasId) {
        return (Map<String, Object>) ui.script("const c = Chart.getChart(document.getElementById(arguments[0]));"
                + "return c ? {type: c.config.type, labels: c.data.labels, datasets: c.data.datasets.map(d => ({label: d.label, data: d.data}))} : null;",
                canvasId);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> points(Map<String, Object> chart, String label) {
        return ((List<Map<String, Object>>) chart.get("datasets")).stream().filter(d -> label.equals(d.get("label"))).findFirst()
                .map(d -> (List<Object>) d.get("data")).orElseThrow(() -> new AssertionError("no dataset " + label + " in " + chart));
    }

    /** 30 days ending 2026-11-23 with {@code values} on the 20th, 21st, 22nd and 23rd, {@code before} on every earlier day. */
    private static List<Object> lastDays(Object before, Object... values) {
        List<Object> out = new ArrayList<>(Collections.nCopies(30 - values.length, before));
        out.addAll(List.of(values));
        return out;
    }

    @Test
    void theChartsAreDrawnFromTheRealHistory() throws Exception {
        try (UiHarness ui = open("fr", 1280, true)) {
            ui.go("stats");
            assertThat(ui.browser().findElements(By.cssSelector("#chart-daily, #chart-sources, #chart-missing"))).hasSize(3)
                    .allMatch(c -> c.getTagName().equals("canvas") && c.getSize().getHeight() > 100);

            Map<String, Object> daily = chart(ui, "chart-daily");
            assertThat((List<Object>) daily.get("labels")).hasSize(30).endsWith("20 nov.", "21 nov.", "22 nov.", "23 nov.");
            assertThat(points(daily, "Envoyés")).isEqualTo(lastDays(0L, 1L, 1L, 0L, 0L));
            assertThat(points(daily, "Importés")).isEqualTo(lastDays(0L, 0L, 0L, 1L, 0L));
            assertThat(points(daily, "Échoués")).as("a refused send, then a failed download").isEqualTo(lastDays(0L, 0L, 1L, 1L, 0L));

            Map<String, Object> sources = chart(ui, "chart-sources");
            assertThat((List<Object>) sources.get("labels")).containsExactly(List.of("Envoyés à la main", "50\u00a0% de réussite"),
                    List.of("releases", "0\u00a0% de réussite"));
            assertThat(points(sources, "Importés")).containsExactly(1L, 0L);
            assertThat(points(sources, "Échoués")).containsExactly(1L, 1L);

            Map<String, Object> missing = chart(ui, "chart-missing");
            assertThat(missing.get("type")).isEqualTo("line");
            long before = missingAtStart;
            assertThat(points(missing, "Tomes manquants")).as("no count before the first scan, then the count at each day's end")
                    .isEqualTo(lastDays(null, before, before, before - 1, before - 1));
            assertThat(ui.browser().findElement(By.cssSelector("[data-figure=downloadsImported] .big")).getText()).isEqualTo("1");
            assertThat(ui.browser().findElement(By.cssSelector("[data-figure=downloadsImported] span")).getText()).as("one, in the singular")
                    .isEqualTo("importé");
            assertThat(ui.browser().findElement(By.cssSelector("[data-figure=downloadsFailed] span")).getText()).isEqualTo("échoués");
            ui.shot("stats");

            new Select(ui.browser().findElement(By.id("stats-period"))).selectByValue("7");
            ui.waiting().until(ExpectedConditions.attributeToBe(By.id("stats-body"), "data-days", "7"));
            assertThat((List<Object>) chart(ui, "chart-daily").get("labels")).hasSize(7);
        }
    }

    @Test
    void withoutHistoryThePageSaysWhatToDoFirst() throws Exception {
        try (UiHarness ui = open("fr", 1280, false)) {
            ui.go("stats");
            assertThat(ui.browser().findElements(By.tagName("canvas"))).isEmpty();
            assertThat(ui.browser().findElement(By.cssSelector("#stats-body .empty")).getText()).contains("Pas encore d’historique");
            ui.browser().findElement(By.cssSelector("#stats-body .empty button")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=overview][data-ready]")));
        }
    }

    @Test
    void inEnglishTheChartsSpeakEnglish() throws Exception {
        try (UiHarness ui = open("en", 1280, true)) {
            ui.go("stats");
            assertThat(points(chart(ui, "chart-daily"), "Sent")).isEqualTo(lastDays(0L, 1L, 1L, 0L, 0L));
            assertThat((List<Object>) chart(ui, "chart-sources").get("labels")).containsExactly(List.of("Sent by hand", "50% success"), List.of("releases", "0% success"));
            assertThat(ui.visibleText()).contains("Downloads per day", "Missing volumes over time").doesNotContain("Téléchargements par jour");
        }
    }

    @Test
    void onAPhoneTheChartsFitTheScreenWidth() throws Exception {
        try (UiHarness ui = open("fr", 360, true)) {
            ui.go("stats");
            assertThat(chart(ui, "chart-missing")).isNotNull();
            assertThat(ui.browser().findElement(By.id("chart-daily")).getSize().getWidth()).isLessThanOrEqualTo(360);
            Number widest = (Number) ui.script("const y = Chart.getChart(document.getElementById('chart-sources')).scales.y;"
                    + "const ctx = document.createElement('canvas').getContext('2d'); ctx.font = Chart.helpers.toFont(y.options.ticks.font).string;"
                    + "return Math.max(...y.ticks.map(t => [].concat(t.label).map(l => ctx.measureText(l).width)).flat()) - y.width;");
            assertThat(widest.doubleValue()).as("each source's name and rate fit beside its bar, not cut at the screen's edge").isLessThanOrEqualTo(0);
            assertThat(ui.scrollsSideways()).isFalse();
            ui.script("document.getElementById('chart-daily').scrollIntoView()");
            ui.shot("stats-phone");
        }
    }
}
