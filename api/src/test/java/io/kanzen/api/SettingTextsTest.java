package io.kanzen.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingTextsTest {
    private static final ConfigProperty URL = ConfigProperty.of("url", "Site address", ConfigType.URL).withDescription("Where the site is.");

    @Test
    void theTextsShippedNextToThePluginClassAreReadPerLanguage() {
        SettingTexts texts = SettingTexts.of(SettingTextsTest.class, "texted");

        assertThat(texts.of("fr", URL)).isEqualTo(new SettingTexts.Text("Adresse", "L'adresse du site."));
        assertThat(texts.hasLabel("fr", URL)).isTrue();
        assertThat(texts.hasLabel("en", URL)).isTrue();
        assertThat(texts.choice("fr", "lang", "fr", "fr")).isEqualTo("Français");
    }

    @Test
    void aMissingTextFallsBackToTheDeclarationsEnglish() {
        SettingTexts texts = SettingTexts.of(SettingTextsTest.class, "texted");

        assertThat(texts.of("en", URL)).isEqualTo(new SettingTexts.Text("Address", "Where the site is."));
        assertThat(texts.of(URL)).containsOnlyKeys("fr", "en");
    }

    @Test
    void aPluginWithoutTextsKeepsItsDeclaredLabels() {
        SettingTexts none = SettingTexts.of(SettingTextsTest.class, "no-such-factory");

        assertThat(none.hasLabel("fr", URL)).isFalse();
        assertThat(none.of("fr", URL)).isEqualTo(new SettingTexts.Text("Site address", "Where the site is."));
    }

    @Test
    void theHostsTextsCompleteAPluginsOnesWithoutOverridingThem() {
        SettingTexts plugin = SettingTexts.of(SettingTextsTest.class, "texted");
        SettingTexts merged = SettingTexts.of(SettingTextsTest.class, "no-such-factory").or(plugin);

        assertThat(merged.of("fr", URL).label()).isEqualTo("Adresse");
        assertThat(plugin.or(SettingTexts.of(SettingTextsTest.class, "no-such-factory")).of("fr", URL).label()).isEqualTo("Adresse");
    }

    @Test
    void theFixedValuesOfASettingAreListedInFileOrderWithTheirTextInEachLanguage() {
        SettingTexts texts = SettingTexts.of(SettingTextsTest.class, "texted");

        assertThat(texts.choices("lang")).containsExactly(
                java.util.Map.entry("fr", java.util.Map.of("fr", "Français", "en", "French")),
                java.util.Map.entry("en", java.util.Map.of("fr", "Anglais", "en", "English")),
                java.util.Map.entry("ja", java.util.Map.of("fr", "ja", "en", "Japanese")));
        assertThat(texts.choices("url")).as("a setting without choices").isEmpty();
        assertThat(SettingTexts.of(SettingTextsTest.class, "no-such-factory").choices("lang")).isEmpty();
    }

    @Test
    void aFactorysNameIsShownInEachLanguageWhenItShipsOne() {
        assertThat(SettingTexts.of(SettingTextsTest.class, "texted").kindLabels("texted")).containsExactly(
                java.util.Map.entry("fr", "texté"), java.util.Map.entry("en", "texted"));
        assertThat(SettingTexts.of(SettingTextsTest.class, "no-such-factory").kindLabels("lines")).containsEntry("fr", "lines");
    }
}
