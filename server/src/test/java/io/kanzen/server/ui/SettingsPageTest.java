package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.ConfiguredInstance;
import io.kanzen.server.FakeProwlarr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Réglages: libraries, several instances of a plugin kind, Prowlarr's indexer picker, tests, deletes, the account. */
class SettingsPageTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();

    @BeforeEach
    void playProwlarr() {
        prowlarr.setDispatcher(new FakeProwlarr(KEY));
    }

    private static WebElement item(UiHarness ui, String list, String name) {
        return ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + list + " li[data-name='" + name + "']")));
    }

    private static void confirm(UiHarness ui, boolean yes) {
        ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm [data-answer=" + (yes ? "yes" : "no") + "]")))
                .click();
        ui.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.confirm")));
    }

    /** Adds a Prowlarr through the form: its kind picked, the name suggested (or typed), its address and key. */
    private void addProwlarr(UiHarness ui, String expectedName) {
        ui.browser().findElement(By.cssSelector("#sources-settings button.add")).click();
        WebElement form = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sources-settings .add-box form")));
        new Select(form.findElement(By.name("kind"))).selectByValue("prowlarr");
        assertThat(form.findElement(By.name("name")).getAttribute("value")).isEqualTo(expectedName);
        WebElement url = form.findElement(By.name("url"));
        url.clear();
        url.sendKeys(prowlarr.url("/").toString());
        form.findElement(By.name("apiKey")).sendKeys(KEY);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        item(ui, "sources-list", expectedName);
    }

    @Test
    void aLibraryShowsItsFolderAsAPathAndARescanShowsItsResultNextToTheButton() throws Exception {
        Path pluto = Files.createDirectories(tmp.resolve("manga/Pluto"));
        Files.createFile(pluto.resolve("Pluto T01.cbz"));
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.kanzen().addLibrary("Manga", tmp.resolve("manga"));
            ui.kanzen().scan(null);
            ui.go("settings");
            WebElement library = item(ui, "libraries", "Manga");
            assertThat(library.findElement(By.cssSelector("code.path")).getText()).isEqualTo(tmp.resolve("manga").toRealPath().toString());
            assertThat(ui.visibleText()).doesNotContain("file:");

            Files.createFile(pluto.resolve("Pluto T02.cbz"));
            library.findElement(By.cssSelector("button.rescan")).click();

            WebElement result = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-name='Manga'] button.rescan + .feedback")));
            assertThat(result.getText()).contains("2 fichiers", "1 séries", "nouveaux : 1", "disparus : 0");
            ui.shot("settings-library");
        }
    }

    @Test
    void aLibraryIsEditedThenRemovedOnlyOnceTheUserConfirms() throws Exception {
        Files.createDirectories(tmp.resolve("manga"));
        Path moved = Files.createDirectories(tmp.resolve("mangas"));
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.kanzen().addLibrary("Manga", tmp.resolve("manga"));
            ui.go("settings");
            item(ui, "libraries", "Manga").findElement(By.cssSelector("button.edit")).click();
            WebElement form = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#libraries form.library-form")));
            WebElement path = form.findElement(By.name("path"));
            path.clear();
            path.sendKeys(tmp.resolve("nulle-part").toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement error = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#libraries [name=path] + .field-error")));
            assertThat(error.getText()).contains("nulle-part");

            path.clear();
            path.sendKeys(moved.toString());
            WebElement name = form.findElement(By.name("name"));
            name.clear();
            name.sendKeys("Mangas");
            form.findElement(By.name("chapters")).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement edited = item(ui, "libraries", "Mangas");
            assertThat(edited.getText()).contains(moved.toRealPath().toString(), "chapitres");
            assertThat(ui.kanzen().library("Mangas")).get().satisfies(l -> assertThat(l.chapterBased()).isTrue());

            edited.findElement(By.cssSelector("button.remove")).click();
            confirm(ui, false);
            assertThat(ui.kanzen().libraries()).hasSize(1);
            item(ui, "libraries", "Mangas").findElement(By.cssSelector("button.remove")).click();
            confirm(ui, true);
            ui.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#libraries li[data-name='Mangas']")));
            assertThat(ui.kanzen().libraries()).isEmpty();
            assertThat(moved).as("the folder stays").isDirectory();
        }
    }

    @Test
    void twoProwlarrsAreAddedEachTestedAndOnePicksItsIndexersFromTheList() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("settings");
            addProwlarr(ui, "prowlarr");
            addProwlarr(ui, "prowlarr-2");
            assertThat(ui.kanzen().sources()).extracting(ConfiguredInstance::kind).containsExactly("prowlarr", "prowlarr");
            assertThat(item(ui, "sources-list", "prowlarr-2").findElement(By.cssSelector(".badge.kind")).getText()).isEqualTo("prowlarr");

            WebElement second = item(ui, "sources-list", "prowlarr-2");
            second.findElement(By.cssSelector("button.test")).click();
            WebElement tested = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("li[data-name='prowlarr-2'] button.test + .feedback")));
            assertThat(tested.getText()).isEqualTo("Connexion réussie.");

            second.findElement(By.cssSelector("button.edit")).click();
            WebElement form = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-name='prowlarr-2'] form")));
            assertThat(form.findElement(By.name("apiKey")).getAttribute("value")).as("a secret is never filled back").isEmpty();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-name='prowlarr-2'] fieldset[data-key=indexerIds]")));
            List<WebElement> indexers = form.findElements(By.cssSelector("fieldset[data-key=indexerIds] input[type=checkbox]"));
            assertThat(indexers).extracting(e -> e.getAttribute("value")).containsExactly("1", "3", "5");
            assertThat(form.findElement(By.cssSelector("fieldset[data-key=indexerIds]")).getText()).contains("Nyaa.si", "Torrent9");
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-name='prowlarr-2'] fieldset[data-key=categories]")));
            assertThat(form.findElement(By.cssSelector("fieldset[data-key=categories]")).getText())
                    .as("the peer's standard categories named by the plugin's French texts, a tracker's own as the peer names it")
                    .contains("7000 Livres", "7030 Livres/Bandes dessinées", "Literature").doesNotContain("Books");
            ui.shot("settings");
            indexers.get(0).click();
            indexers.get(1).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sources-settings"), "Enregistré"));

            ConfiguredInstance saved = ui.kanzen().sources().stream().filter(s -> s.name().equals("prowlarr-2")).findFirst().orElseThrow();
            assertThat(saved.settings()).containsEntry("indexerIds", "1,3").containsEntry("apiKey", ConfiguredInstance.MASK);
            item(ui, "sources-list", "prowlarr-2").findElement(By.cssSelector("button.test")).click();
            assertThat(ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-name='prowlarr-2'] button.test + .feedback")))
                    .getText()).as("the kept key still works").isEqualTo("Connexion réussie.");
        }
    }

    @Test
    void aFailedTestIsSaidNextToItsButtonAndASourceIsDeletedOnlyOnceConfirmed() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.kanzen().saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", KEY));
            ui.kanzen().saveSource("mauvaise-cle", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "ffffffffffffffffffffffffffffffff"));
            ui.go("settings");

            item(ui, "sources-list", "mauvaise-cle").findElement(By.cssSelector("button.test")).click();
            WebElement failed = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("li[data-name='mauvaise-cle'] button.test + .feedback-error")));
            assertThat(failed.getText()).isNotBlank();

            item(ui, "sources-list", "mauvaise-cle").findElement(By.cssSelector("button.remove")).click();
            WebElement dialog = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(dialog.getText()).contains("mauvaise-cle", "prowlarr");
            confirm(ui, true);
            ui.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("li[data-name='mauvaise-cle']")));
            assertThat(ui.kanzen().sources()).extracting(ConfiguredInstance::name).containsExactly("prowlarr");
        }
    }

    @Test
    void thePasswordIsChangedWithItsFeedbackNextToTheButtonAndTheApiKeyRotatedAfterConfirmation() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("settings");
            String before = ui.kanzen().accounts().apiKey();
            WebElement form = ui.browser().findElement(By.id("password-form"));
            form.findElement(By.name("current_password")).sendKeys("pas-le-bon-mot");
            form.findElement(By.name("new_password")).sendKeys("nouveau-mot-de-passe");
            form.findElement(By.name("repeat")).sendKeys("nouveau-mot-de-passe");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#password-form [name=current_password] + .field-error")));

            WebElement current = form.findElement(By.name("current_password"));
            current.clear();
            current.sendKeys(UiHarness.PASSWORD);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement done = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#password-form button[type=submit] + .feedback")));
            assertThat(done.getText()).contains("Mot de passe changé");
            assertThat(ui.kanzen().accounts().verify(UiHarness.ADMIN, "nouveau-mot-de-passe")).isTrue();

            assertThat(ui.browser().findElement(By.id("api-key")).getText()).doesNotContain(before);
            ui.browser().findElement(By.cssSelector("button.show-key")).click();
            ui.waiting().until(ExpectedConditions.textToBe(By.id("api-key"), before));
            ui.browser().findElement(By.cssSelector("button.rotate-key")).click();
            confirm(ui, true);
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.rotate-key + .feedback")));
            String after = ui.kanzen().accounts().apiKey();
            assertThat(after).isNotEqualTo(before);
            assertThat(ui.browser().findElement(By.id("api-key")).getText()).isEqualTo(after);
        }
    }

    @Test
    void inFrenchANotifiersFixedValuesAndTheFiltersKindReadInFrenchFromTheirTexts() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("settings");
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plugin-list li[data-name=rules]")));
            assertThat(ui.browser().findElement(By.cssSelector("#plugin-list li[data-name=rules]")).getText()).contains("notation filtres");
            assertThat(item(ui, "scorers-list", "filters").getText()).as("the scorer Kanzen enabled by itself, named after its kind")
                    .contains("filtres").doesNotContain("filters");

            ui.browser().findElement(By.cssSelector("#scorers-settings button.add")).click();
            WebElement scorer = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#scorers-settings .add-box form")));
            Select kinds = new Select(scorer.findElement(By.name("kind")));
            assertThat(kinds.getOptions()).extracting(WebElement::getText).contains("filtres").doesNotContain("filters");
            assertThat(kinds.getFirstSelectedOption().getAttribute("value")).as("the value stays the kind's name").isEqualTo("filters");

            ui.browser().findElement(By.cssSelector("#notifiers-settings button.add")).click();
            WebElement form = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notifiers-settings .add-box form")));
            new Select(form.findElement(By.name("kind"))).selectByValue("ntfy");
            WebElement events = form.findElement(By.cssSelector("fieldset[data-key=events]"));
            assertThat(events.findElements(By.cssSelector("input[type=checkbox]"))).extracting(e -> e.getAttribute("value"))
                    .containsExactly("grabbed", "imported", "failed", "check-problems", "new-volume", "peer-down");
            assertThat(events.getText()).contains("envoyé", "importé", "nouveau tome", "service injoignable");
            Select language = new Select(form.findElement(By.name("language")));
            assertThat(language.getOptions()).extracting(WebElement::getText).containsExactly("français", "anglais");
            assertThat(language.getFirstSelectedOption().getAttribute("value")).isEqualTo("fr");
        }
    }

    @Test
    void inEnglishThePageListsThePluginsWithTheirVersionTheSkippedOnesWithWhyAndANotifierPicksItsEvents() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"), "en", 1280, 900, b -> b.pluginsDirectory(plugins)).loginAsAdmin()) {
            ui.go("settings");
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plugin-list li[data-name=prowlarr]")));
            assertThat(ui.visibleText()).contains("Libraries", "Download clients", "Add a source", "Change the password", "Plugins")
                    .doesNotContain("Bibliothèques", "Ajouter");
            WebElement skipped = ui.browser().findElement(By.cssSelector("#plugin-list li.skipped"));
            assertThat(skipped.getText()).contains("Skipped:", "broken.jar");

            ui.browser().findElement(By.cssSelector("#notifiers-settings button.add")).click();
            WebElement form = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notifiers-settings .add-box form")));
            new Select(form.findElement(By.name("kind"))).selectByValue("ntfy");
            List<WebElement> events = form.findElements(By.cssSelector("fieldset[data-key=events] input[type=checkbox]"));
            assertThat(events).extracting(e -> e.getAttribute("value")).contains("grabbed", "imported", "peer-down");
            assertThat(events).allMatch(WebElement::isSelected);
            assertThat(form.getText()).contains("sent", "imported");
        }
    }

    @Test
    void onAPhoneThePageFitsTheScreenWidth() throws Exception {
        Files.createDirectories(tmp.resolve("une/très/longue/arborescence/de/dossiers/pour/les/mangas/de/la/maison"));
        try (UiHarness ui = UiHarness.phone(tmp.resolve("data")).loginAsAdmin()) {
            ui.kanzen().addLibrary("Manga", tmp.resolve("une/très/longue/arborescence/de/dossiers/pour/les/mangas/de/la/maison"));
            ui.kanzen().saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", KEY));
            ui.go("settings");
            item(ui, "sources-list", "prowlarr").findElement(By.cssSelector("button.edit")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-name='prowlarr'] fieldset[data-key=indexerIds]")));
            assertThat(ui.scrollsSideways()).isFalse();
            ui.shot("settings-phone");
        }
    }
}
