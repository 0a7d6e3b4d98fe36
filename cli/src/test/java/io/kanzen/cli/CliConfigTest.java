package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kanzen config --set}: a setting changed from the command line, the others kept, a wrong one refused in words. */
class CliConfigTest {
    @TempDir
    Path tmp;
    private Console console;

    @BeforeEach
    void open() {
        console = new Console(tmp.resolve("data"));
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void automaticDownloadIsTurnedOnFromTheCommandLineAndTheOtherSettingsStay() throws Exception {
        assertThat(console.run("config")).isZero();
        assertThat(Json.MAPPER.readTree(console.stdout()).path("autoDownload").asBoolean()).as("off on a first start").isFalse();

        assertThat(console.run("config", "--set", "autoDownload=true", "--set", "checkInterval=12h")).isZero();

        var saved = Json.MAPPER.readTree(console.stdout());
        assertThat(saved.path("autoDownload").asBoolean()).isTrue();
        assertThat(saved.path("checkInterval").asText()).isEqualTo("12h");
        assertThat(saved.path("language").asText()).isEqualTo("fr");
    }

    @Test
    void aSettingThatIsUnknownOrBreaksARuleIsRefusedAndNothingChanges() throws Exception {
        assertThat(console.run("config", "--set", "autoDownlaod=true")).isEqualTo(1);
        assertThat(console.stderr()).contains("unknown setting 'autoDownlaod'").doesNotContain("Exception");
        assertThat(console.run("config", "--set", "checkInterval=1m")).isEqualTo(1);
        assertThat(console.stderr()).contains("at least 5 minutes");
        assertThat(console.run("config", "--set", "sources=[\"nowhere\"]")).isEqualTo(1);
        assertThat(console.stderr()).contains("'nowhere' is not a configured source");

        assertThat(console.run("config")).isZero();
        assertThat(Json.MAPPER.readTree(console.stdout()).path("checkInterval").asText()).isEqualTo("6h");
    }
}
