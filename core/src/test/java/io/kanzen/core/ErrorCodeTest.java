package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure a user meets carries a stable code and the parameters of its text, so a front end can translate it. */
class ErrorCodeTest {
    @TempDir
    Path tmp;

    @Test
    void aFailureThrownWithoutACodeTakesTheCodeOfItsPluginFailureOrOfItsClass() {
        PluginException down = new PluginException(ErrorKind.UNAVAILABLE, "connection refused");

        assertThat(new KanzenException("x", down).code()).isEqualTo("plugin.unavailable");
        assertThat(new KanzenException("x").code()).isEqualTo(KanzenException.GENERIC);
        assertThat(new KanzenException("x").params()).containsEntry("detail", "x");
        assertThat(new InvalidSettingException("url", "bad").code()).isEqualTo("setting.invalid");
        assertThat(new InvalidSettingException("url", "bad").params()).containsEntry("field", "url");
        assertThat(new CheckBusyException("busy").code()).isEqualTo("check.busy");
        assertThat(new GrabConflictException(GrabConflictException.Reason.SAME_LINK, "x").code()).isEqualTo("grab.sameLink");
        assertThat(KanzenException.pluginCode(ErrorKind.BAD_RESPONSE)).isEqualTo("plugin.badResponse");
    }

    @Test
    void aPluginFailureNamesTheInstanceAndKeepsItsDetail() {
        KanzenException e = KanzenException.plugin("prowlarr", PluginException.rateLimited("slow down", null));

        assertThat(e.code()).isEqualTo("plugin.rateLimited");
        assertThat(e.params()).containsEntry("name", "prowlarr").containsEntry("detail", "slow down");
        assertThat(e.getMessage()).isEqualTo("prowlarr: slow down");
    }

    @Test
    void whatTheFacadeRefusesSaysWhatAndWhich() {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build()) {
            assertThatThrownBy(() -> kanzen.scan("Nowhere")).isInstanceOfSatisfying(KanzenException.class, e -> {
                assertThat(e.code()).isEqualTo("library.notFound");
                assertThat(e.params()).isEqualTo(Map.of("name", "Nowhere"));
            });
            assertThatThrownBy(() -> kanzen.addLibrary("Manga", Path.of("relative"))).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                assertThat(e.code()).isEqualTo("library.pathNotAbsolute");
                assertThat(e.field()).isEqualTo("path");
                assertThat(e.params()).containsEntry("field", "path").containsEntry("path", "relative");
            });
            assertThatThrownBy(() -> kanzen.saveSource("p", "nope", Map.of())).isInstanceOfSatisfying(KanzenException.class, e -> {
                assertThat(e.code()).isEqualTo("plugin.notInstalled");
                assertThat(e.params()).containsEntry("kind", "nope");
            });
            assertThatThrownBy(() -> kanzen.accounts().setUp("admin", "short")).isInstanceOfSatisfying(KanzenException.class,
                    e -> assertThat(e.code()).isEqualTo("password.tooShort"));
        }
    }

    @Test
    void aProblemReadsAsItsEnglishMessageAndNamesItsSeries() {
        Problem p = Problem.of("source.backedOff", "prowlarr is skipped", "name", "prowlarr", "failures", 3);

        assertThat(p.toString()).isEqualTo("prowlarr is skipped");
        assertThat(p.params()).containsEntry("failures", "3");
        Problem about = p.aboutSeries("Naruto");
        assertThat(about.code()).isEqualTo("source.backedOff");
        assertThat(about.params()).containsEntry("series", "Naruto").containsEntry("name", "prowlarr");
        assertThat(about.message()).isEqualTo("Naruto: prowlarr is skipped");
        assertThatThrownBy(() -> Problem.of(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
