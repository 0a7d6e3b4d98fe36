package io.kanzen.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sqlite-jdbc's native library: copied into the data directory once, reused by later starts, rewritten when damaged. */
class SqliteNativeLibraryTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void onAPlatformThisClassKnows() {
        assumeTrue(SqliteNativeLibrary.resourceForThisPlatform().isPresent(), "no known sqlite-jdbc library folder for this platform");
    }

    @Test
    void theCopyIsMadeOnceAndReusedUntouched() throws Exception {
        Path first = SqliteNativeLibrary.copyIn(tmp.resolve("native")).orElseThrow();
        Object inode = Files.readAttributes(first, BasicFileAttributes.class).fileKey();
        var written = Files.getLastModifiedTime(first);

        Path second = SqliteNativeLibrary.copyIn(tmp.resolve("native")).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(first.getParent().getFileName().toString()).startsWith("sqlite-" + SqliteNativeLibrary.driverVersion().orElseThrow() + "-");
        assertThat(Files.readAttributes(second, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
        assertThat(Files.size(second)).isGreaterThan(100_000);
    }

    @Test
    void aDamagedCopyIsWrittenAgain() throws Exception {
        Path library = SqliteNativeLibrary.copyIn(tmp.resolve("native")).orElseThrow();
        byte[] bytes = Files.readAllBytes(library);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(library, bytes);
        assertThat(SqliteNativeLibrary.intact(library)).isFalse();

        Path again = SqliteNativeLibrary.copyIn(tmp.resolve("native")).orElseThrow();

        assertThat(SqliteNativeLibrary.intact(again)).isTrue();
        assertThat(Files.readAllBytes(again)).isNotEqualTo(bytes);
    }

    @Test
    void aCopyWithoutItsChecksumIsNotTrusted() throws Exception {
        Path library = SqliteNativeLibrary.copyIn(tmp.resolve("native")).orElseThrow();
        Files.delete(library.resolveSibling(library.getFileName() + ".crc32"));

        assertThat(SqliteNativeLibrary.intact(library)).isFalse();
        assertThat(SqliteNativeLibrary.intact(SqliteNativeLibrary.copyIn(tmp.resolve("native")).orElseThrow())).isTrue();
    }

    @Test
    void anotherVersionsCopyIsRemoved() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("native/sqlite-3.0.0.0-Linux-x86_64"));
        Files.writeString(old.resolve("libsqlitejdbc.so"), "old", StandardCharsets.US_ASCII);

        SqliteNativeLibrary.copyIn(tmp.resolve("native")).orElseThrow();

        assertThat(old).doesNotExist();
    }

    @Test
    void aSecondStartLoadsTheCopyAndExtractsNothing() throws Exception {
        Path data = tmp.resolve("data");
        Path driverTemp = Files.createDirectories(tmp.resolve("driver-tmp"));

        String firstSays = open(data, driverTemp);
        Path library;
        try (Stream<Path> copies = Files.walk(data.resolve(SqliteNativeLibrary.DIRECTORY))) {
            library = copies.filter(p -> p.toString().endsWith(SqliteNativeLibrary.resourceForThisPlatform().orElseThrow()
                    .substring(SqliteNativeLibrary.resourceForThisPlatform().orElseThrow().lastIndexOf('/') + 1))).findFirst().orElseThrow();
        }
        Object inode = Files.readAttributes(library, BasicFileAttributes.class).fileKey();
        String secondSays = open(data, driverTemp);

        assertThat(firstSays).isEqualTo(secondSays).isEqualTo(library.getParent().toString());
        assertThat(Files.readAttributes(library, BasicFileAttributes.class).fileKey()).as("the copy was not written again").isEqualTo(inode);
        try (Stream<Path> extracted = Files.list(driverTemp)) {
            assertThat(extracted).as("nothing extracted where the driver extracts").isEmpty();
        }
    }

    /** Opens the database in a new JVM (a start), the driver told to extract into {@code driverTemp}; returns where it loaded from. */
    private static String open(Path data, Path driverTemp) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.sqlite.tmpdir=" + driverTemp, "-cp", System.getProperty("java.class.path"), OpenOnce.class.getName(), data.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.startsWith("lib.path=")).findFirst().orElseThrow(() -> new AssertionError(out)).substring(9);
    }

    /** A start: opens the database once and says where sqlite's library was loaded from. */
    public static final class OpenOnce {
        public static void main(String[] args) throws Exception {
            try (Database db = Database.open(Path.of(args[0]))) {
                db.read(c -> c.createStatement().execute("SELECT 1"));
                System.out.println("lib.path=" + System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
            }
        }
    }
}
