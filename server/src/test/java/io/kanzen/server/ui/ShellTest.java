package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** What every page shares: the login gate, the tabs, the language switch, the phone width. */
class ShellTest {
    private static final List<String> TABS = List.of("overview", "proposals", "series", "search", "downloads", "history", "stats", "config", "settings");

    @TempDir
    Path tmp;

    @Test
    void a_logged_out_visitor_sees_only_the_login_form() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            ui.kanzen().accounts().setUp(UiHarness.ADMIN, UiHarness.PASSWORD);
            ui.browser().get(ui.baseUrl() + "/missing-monitor#/series");
            ui.waiting().until(ExpectedConditions.textToBe(By.id("login-title"), "Connexion"));
            assertThat(ui.browser().findElement(By.id("tabs")).isDisplayed()).isFalse();
            assertThat(ui.browser().findElement(By.id("app")).isDisplayed()).isFalse();
            assertThat(ui.visibleText()).doesNotContain("Aperçu", "Séries", "tomes manquants");
            ui.shot("login");
        }
    }

    @Test
    void a_wrong_password_is_said_next_to_the_button_and_the_right_one_opens_the_overview() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            ui.kanzen().accounts().setUp(UiHarness.ADMIN, UiHarness.PASSWORD);
            ui.browser().get(ui.baseUrl() + "/missing-monitor");
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(UiHarness.ADMIN);
            ui.browser().findElement(By.id("login-password")).sendKeys("not-the-password");
            ui.browser().findElement(By.id("login-submit")).click();
            WebElement error = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-submit + .feedback-error")));
            assertThat(error.getText()).isNotBlank();
            ui.loginAsAdmin();
            assertThat(ui.browser().findElement(By.cssSelector("#tabs [data-tab=overview]")).getAttribute("aria-selected")).isEqualTo("true");
        }
    }

    @Test
    void the_arrow_keys_move_between_tabs_and_open_their_page() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            WebElement overview = ui.browser().findElement(By.cssSelector("#tabs [data-tab=overview]"));
            overview.sendKeys(Keys.ARROW_RIGHT);
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=proposals][data-ready]")));
            assertThat(ui.browser().switchTo().activeElement().getAttribute("data-tab")).isEqualTo("proposals");
            ui.browser().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=overview][data-ready]")));
            assertThat(ui.browser().findElements(By.cssSelector("#tabs [role=tab]"))).extracting(e -> e.getAttribute("data-tab"))
                    .containsExactlyElementsOf(TABS);
        }
    }

    @Test
    void switching_the_language_redraws_the_page_on_screen() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("settings");
            assertThat(ui.visibleText()).contains("Bibliothèques");
            new Select(ui.browser().findElement(By.id("lang"))).selectByValue("en");
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Libraries"));
            assertThat(ui.visibleText()).doesNotContain("Bibliothèques");
            assertThat(ui.browser().findElement(By.cssSelector("#tabs [data-tab=history]")).getText()).isEqualTo("History");
        }
    }

    @Test
    void on_a_laptop_the_tabs_sit_on_one_line_beside_the_title_and_the_language() {
        for (int width : new int[] {1200, 1280}) {
            try (UiHarness ui = UiHarness.start(tmp.resolve("data-" + width), "fr", width, 800, b -> {}).loginAsAdmin()) {
                // the longest labels (French) on the narrowest laptop: measured in the page, as drawn
                Object tops = ui.script("return [...document.querySelectorAll('#tabs [role=tab]')].map(t => Math.round(t.getBoundingClientRect().top))");
                assertThat(new java.util.HashSet<>((List<?>) tops)).as("the tops of the tabs at " + width + " px").hasSize(1);
                Object oneRow = ui.script("const h = document.querySelector('header h1').getBoundingClientRect();"
                        + "const nav = document.getElementById('tabs'); const n = nav.getBoundingClientRect();"
                        + "const s = document.querySelector('header .side').getBoundingClientRect();"
                        + "const tabs = [...nav.querySelectorAll('[role=tab]')]; const last = tabs[tabs.length - 1].getBoundingClientRect();"
                        + "return n.top < h.bottom && s.top < n.bottom && h.right <= n.left && last.right <= s.left && s.right <= window.innerWidth"
                        + " && nav.scrollWidth <= nav.clientWidth + 1 && document.querySelector('header h1 a').getClientRects().length === 1");
                assertThat(oneRow).as("title (unbroken), tabs (none overflowing), language and log-out side by side on one row at " + width + " px")
                        .isEqualTo(true);
                assertThat(ui.scrollsSideways()).as(width + " px").isFalse();
                if (width == 1280) {
                    ui.shot("header");
                }
            }
        }
    }

    @Test
    void on_a_phone_the_tabs_are_one_row_that_slides_and_the_open_one_is_in_sight() {
        try (UiHarness ui = UiHarness.phone(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("settings"); // the last tab: off the screen unless the row slides to it
            @SuppressWarnings("unchecked")
            Map<String, Object> shape = (Map<String, Object>) ui.script("""
                    const nav = document.getElementById('tabs').getBoundingClientRect();
                    const tabs = [...document.querySelectorAll('#tabs [role=tab]')].map(a => a.getBoundingClientRect());
                    const open = document.querySelector('#tabs [aria-selected=true]').getBoundingClientRect();
                    return { rows: new Set(tabs.map(r => Math.round(r.top))).size, header: document.querySelector('header').offsetHeight,
                             inSight: open.left >= nav.left - 1 && open.right <= nav.right + 1 };""");
            assertThat(((Number) shape.get("rows")).intValue()).as("the nine tabs on one row").isEqualTo(1);
            assertThat(((Number) shape.get("header")).intValue()).as("the header leaves the screen to the page").isLessThan(130);
            assertThat(shape.get("inSight")).as("the open tab is slid into sight").isEqualTo(true);
            assertThat(ui.scrollsSideways()).isFalse();
        }
    }

    @Test
    void no_page_is_wider_than_a_phone() {
        try (UiHarness ui = UiHarness.phone(tmp.resolve("data")).loginAsAdmin()) {
            for (String page : TABS) {
                ui.go(page);
                assertThat(ui.scrollsSideways()).as(page + " at 360 px").isFalse();
            }
        }
    }
}
