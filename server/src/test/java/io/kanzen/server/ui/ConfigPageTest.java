package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.DownloadSettings;
import io.kanzen.core.Kanzen;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Configuration: the monitor's settings with real controls, errors next to their field. */
class ConfigPageTest {
    @TempDir
    Path tmp;

    private static void configure(Kanzen kanzen) {
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", "http://127.0.0.1:9", "apiKey", "0123456789abcdef0123456789abcdef"));
        kanzen.saveSource("prowlarr-ami", "prowlarr", Map.of("url", "http://127.0.0.1:10", "apiKey", "0123456789abcdef0123456789abcdef"));
        kanzen.saveClient("qbt", "qbittorrent", Map.of("url", "http://127.0.0.1:11", "username", "admin", "password", "secret-pw"));
    }

    private static void save(UiHarness ui) {
        ui.browser().findElement(By.id("cfg-save")).click();
    }

    @Test
    void anIntervalOfTwoHoursIsChosenAsANumberAndAUnitSavedAndReadBack() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("config");
            WebElement number = ui.browser().findElement(By.id("cfg-interval"));
            assertThat(number.getAttribute("type")).isEqualTo("number");
            assertThat(number.getAttribute("value")).isEqualTo("6");
            Select unit = new Select(ui.browser().findElement(By.id("cfg-interval-unit")));
            assertThat(unit.getOptions()).extracting(WebElement::getText).containsExactly("minutes", "heures", "jours");
            assertThat(unit.getFirstSelectedOption().getText()).isEqualTo("heures");

            number.clear();
            number.sendKeys("2");
            unit.selectByVisibleText("heures");
            save(ui);

            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".config-form .actions"), "Réglages enregistrés"));
            assertThat(ui.kanzen().monitorConfig().checkInterval()).isEqualTo("2h");
            ui.browser().navigate().refresh();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=config][data-ready]")));
            assertThat(ui.browser().findElement(By.id("cfg-interval")).getAttribute("value")).isEqualTo("2");
            assertThat(new Select(ui.browser().findElement(By.id("cfg-interval-unit"))).getFirstSelectedOption().getText()).isEqualTo("heures");

            number = ui.browser().findElement(By.id("cfg-interval"));
            number.clear();
            number.sendKeys("3");
            new Select(ui.browser().findElement(By.id("cfg-interval-unit"))).selectByVisibleText("minutes");
            save(ui);
            WebElement error = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cfg-interval ~ .field-error, .duration ~ .field-error, .field-error")));
            assertThat(error.getText()).contains("5");
            assertThat(ui.browser().findElement(By.id("cfg-interval")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(ui.kanzen().monitorConfig().checkInterval()).as("nothing saved").isEqualTo("2h");
        }
    }

    @Test
    void turningAutomaticDownloadOnAsksWhatItMeansAndCancellingLeavesItOff() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("config");
            WebElement auto = ui.browser().findElement(By.id("cfg-autoDownload"));
            assertThat(auto.isSelected()).isFalse();

            auto.click();
            WebElement dialog = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(dialog.getText()).contains("sans vous demander");
            dialog.findElement(By.cssSelector("[data-answer=no]")).click();
            ui.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(auto.isSelected()).isFalse();

            auto.click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm [data-answer=yes]"))).click();
            ui.waiting().until(ExpectedConditions.elementSelectionStateToBe(auto, true));
            save(ui);
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".config-form .actions"), "Réglages enregistrés"));
            assertThat(ui.kanzen().monitorConfig().autoDownload()).isTrue();
        }
    }

    @Test
    void clientAndSourcesAreChosenAmongTheConfiguredOnesAndAClientNoLongerConfiguredIsRefusedAtItsField() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            configure(ui.kanzen());
            ui.kanzen().saveClient("ancien", "qbittorrent", Map.of("url", "http://127.0.0.1:12", "username", "admin", "password", "pw"));
            ui.kanzen().updateMonitorConfig(Map.of("preferredClient", "ancien"));
            ui.kanzen().removeClient("ancien");
            ui.go("config");

            assertThat(ui.browser().findElements(By.cssSelector("#cfg-sources input[type=checkbox]"))).extracting(e -> e.getAttribute("value"))
                    .containsExactly("prowlarr", "prowlarr-ami");
            assertThat(ui.browser().findElement(By.id("cfg-sources")).getText()).as("the kind only where the name does not say it")
                    .contains("prowlarr-ami (prowlarr)").doesNotContain("prowlarr (prowlarr)");
            Select client = new Select(ui.browser().findElement(By.id("cfg-client")));
            assertThat(client.getOptions()).extracting(e -> e.getAttribute("value")).containsExactly("", "qbt", "ancien");
            assertThat(client.getFirstSelectedOption().getText()).contains("ancien").contains("plus configuré");
            assertThat(ui.browser().findElements(By.cssSelector(".config-form input[type=text][name=preferredClient], .config-form input[type=text][name=sources]")))
                    .as("no free text for names").isEmpty();
            ui.shot("config");

            save(ui);
            WebElement error = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cfg-client + .field-error")));
            assertThat(error.getText()).contains("ancien");
            assertThat(ui.browser().findElement(By.id("cfg-client")).getAttribute("aria-invalid")).isEqualTo("true");

            client.selectByValue("qbt");
            ui.browser().findElement(By.cssSelector("#cfg-sources input[value=prowlarr-ami]")).click();
            save(ui);
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".config-form .actions"), "Réglages enregistrés"));
            assertThat(ui.kanzen().monitorConfig().preferredClient()).isEqualTo("qbt");
            assertThat(ui.kanzen().monitorConfig().sources()).isEqualTo(List.of("prowlarr-ami"));
        }
    }

    @Test
    void aClientsImportSettingsAreChosenWithItsPathMappingsAndAHalfMappingIsRefusedAtItsField() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            configure(ui.kanzen());
            ui.go("config");
            WebElement qbt = ui.browser().findElement(By.cssSelector("fieldset.client-import[data-client=qbt]"));
            new Select(qbt.findElement(By.name("afterImport"))).selectByValue("MOVE");
            qbt.findElement(By.cssSelector("button.add-mapping")).click();
            qbt.findElement(By.name("remote")).sendKeys("/downloads");
            save(ui);
            WebElement error = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".client-import .field-error")));
            assertThat(error.getText()).contains("deux chemins");

            qbt.findElement(By.name("local")).sendKeys("/mnt/seedbox");
            save(ui);
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".config-form .actions"), "Réglages enregistrés"));
            DownloadSettings.ClientImport saved = ui.kanzen().monitorConfig().downloads().client("qbt");
            assertThat(saved.afterImport()).isEqualTo(DownloadSettings.AfterImport.MOVE);
            assertThat(saved.local("/downloads/One Piece")).isEqualTo("/mnt/seedbox/One Piece");
        }
    }

    @Test
    void inEnglishTheControlsSpeakEnglish() {
        try (UiHarness ui = UiHarness.english(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("config");
            assertThat(new Select(ui.browser().findElement(By.id("cfg-interval-unit"))).getOptions()).extracting(WebElement::getText)
                    .containsExactly("minutes", "hours", "days");
            assertThat(ui.visibleText()).contains("Time between two checks", "Download automatically", "Download client")
                    .doesNotContain("Intervalle", "Télécharger");
        }
    }

    @Test
    void onAPhoneThePageFitsTheScreenWidth() {
        try (UiHarness ui = UiHarness.phone(tmp.resolve("data")).loginAsAdmin()) {
            configure(ui.kanzen());
            ui.go("config");
            assertThat(ui.scrollsSideways()).isFalse();
            ui.shot("config-phone");
        }
    }
}
