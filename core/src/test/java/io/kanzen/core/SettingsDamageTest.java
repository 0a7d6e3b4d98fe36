package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged monitor settings never bring back defaults silently, and the data directory is the owner's alone. */
class SettingsDamageTest {
    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private static MonitorConfig mine() {
        return new MonitorConfig(true, "2h", true, true, List.of(), null, "vf", "fr", List.of("cbz"), false, 10, 24);
    }

    @Test
    void aFirstStartDoesNotDownloadOnItsOwn() {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThat(kanzen.monitorConfig().autoDownload()).isFalse();
            assertThat(kanzen.monitorConfigProblem()).isNull();
        }
    }

    @Test
    void aCorruptedFileKeepsTheLastGoodSettingsAcrossARestartAndSaysSo() throws Exception {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            kanzen.saveMonitorConfig(mine());
        }
        assertThat(data().resolve("missing_monitor_config.last-good.json")).exists();
        Files.writeString(data().resolve("missing_monitor_config.json"), "{\"enabled\": tru");

        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThat(kanzen.monitorConfig()).isEqualTo(mine());
            assertThat(kanzen.monitorConfigProblem()).contains("invalid").contains("last good settings stay in force");
        }
    }

    @Test
    void withNoGoodCopyAnInvalidFilePausesAutomaticDownloads() throws Exception {
        Files.createDirectories(data());
        Files.writeString(data().resolve("missing_monitor_config.json"), "{\"enabled\":true,\"checkInterval\":\"1s\",\"autoSearch\":true,\"autoDownload\":true,\"sources\":[],"
                + "\"preferredClient\":null,\"edition\":\"vf\",\"language\":\"fr\",\"formats\":[],\"allowOwnedOverlap\":false,\"minScore\":0,"
                + "\"metadataMaxAgeHours\":24}");
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThat(kanzen.monitorConfig().autoDownload()).isFalse();
            assertThat(kanzen.monitorConfigProblem()).contains("checkInterval").contains("automatic downloads are paused");
        }
    }

    @Test
    void aValidHandEditBecomesTheLastGoodCopy() throws Exception {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            kanzen.saveMonitorConfig(mine());
            String edited = Files.readString(data().resolve("missing_monitor_config.json")).replace("\"2h\"", "\"12h\"");
            Files.writeString(data().resolve("missing_monitor_config.json"), edited);
            assertThat(kanzen.monitorConfig().checkInterval()).isEqualTo("12h");
            Files.writeString(data().resolve("missing_monitor_config.json"), "garbage");
            assertThat(kanzen.monitorConfig().checkInterval()).isEqualTo("12h");
        }
        assertThat(Files.readString(data().resolve("missing_monitor_config.last-good.json"))).contains("12h");
    }

    @Test
    void unknownSourcesClientsAndLanguagesAreRefusedNamingTheField() {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThatThrownBy(() -> kanzen.saveMonitorConfig(new MonitorConfig(true, "6h", true, false, List.of("nyaa"), null, "vf", "fr",
                    List.of(), false, 0, 24))).isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.field()).isEqualTo("sources"))
                    .hasMessageContaining("'nyaa' is not a configured source");
            assertThatThrownBy(() -> kanzen.saveMonitorConfig(new MonitorConfig(true, "6h", true, false, List.of(), "qbit", "vf", "fr",
                    List.of(), false, 0, 24))).isInstanceOfSatisfying(InvalidSettingException.class,
                            e -> assertThat(e.field()).isEqualTo("preferredClient"));
            assertThatThrownBy(() -> new MonitorConfig(true, "6h", true, false, List.of(), null, "vf", "klingon", List.of(), false, 0, 24))
                    .hasMessageStartingWith("language is one of");
        }
    }

    @Test
    void theDataDirectoryIsTheOwnersAlone() throws Exception {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            kanzen.saveMonitorConfig(mine());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data()))).isEqualTo("rwx------");
        for (String f : List.of("manga_library.db", "encryption_key", "missing_monitor_config.json", "missing_monitor_config.last-good.json")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data().resolve(f)))).as(f).isEqualTo("rw-------");
        }
        try (var files = Files.list(data())) {
            files.filter(p -> p.getFileName().toString().startsWith("manga_library.db-"))
                    .forEach(p -> assertThat(p.toFile().canRead()).isTrue());
        }
    }

    @Test
    void anOlderInstallWithOpenModesIsClosedAtStart() throws Exception {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThat(kanzen.libraries()).isEmpty();
        }
        Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data().resolve("manga_library.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data().resolve("encryption_key"), PosixFilePermissions.fromString("rw-r--r--"));
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(data()).build()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data().resolve("manga_library.db")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data().resolve("encryption_key")))).isEqualTo("rw-------");
        }
    }
}
