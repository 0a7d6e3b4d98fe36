package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;
    private InputStream oldIn;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        oldIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        out.reset();
        err.reset();
        return Main.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void parse_json_prints_one_object_per_line_in_the_contract_shape() throws Exception {
        int code = run("One Piece - Tome 100.cbz\nVinland Saga v07.5\n\n", "parse", "--json");

        assertThat(code).isZero();
        String[] lines = stdout().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode first = Json.MAPPER.readTree(lines[0]);
        assertThat(first.get("input").asText()).isEqualTo("One Piece - Tome 100.cbz");
        assertThat(first.get("series").asText()).isEqualTo("One Piece");
        assertThat(first.get("volume").toString()).isEqualTo("[100,100]");
        assertThat(first.get("chapter").isNull()).isTrue();
        assertThat(first.get("format").asText()).isEqualTo("cbz");
        assertThat(first.get("special").asBoolean()).isFalse();
        assertThat(Json.MAPPER.readTree(lines[1]).get("volume").toString()).isEqualTo("[7.5,7.5]");
        assertThat(Json.MAPPER.readTree(lines[2]).get("series").isNull()).isTrue();
    }

    @Test
    void a_library_added_and_scanned_lists_its_series_and_missing_volumes() throws Exception {
        Path series = Files.createDirectories(tmp.resolve("manga/Monster"));
        Files.createFile(series.resolve("Monster T01.cbz"));
        Files.createFile(series.resolve("Monster T04.cbz"));
        String data = tmp.resolve("data").toString();

        assertThat(run("", "library", "add", "Manga", tmp.resolve("manga").toString(), "--data-dir", data)).isZero();
        assertThat(run("", "--data-dir", data, "scan")).isZero();
        assertThat(stdout()).contains("Manga: 1 series, 2 files (2 new");
        assertThat(run("", "series", "--json", "--data-dir", data)).isZero();
        assertThat(Json.MAPPER.readTree(stdout()).get("volumes").toString()).isEqualTo("[[1,1],[4,4]]");
        assertThat(run("", "missing", "--json", "--data-dir", data)).isZero();
        assertThat(Json.MAPPER.readTree(stdout()).get("missing").toString()).isEqualTo("[2,3]");
    }

    @Test
    void an_error_exits_1_with_a_sentence_and_no_stack_trace() {
        int code = run("", "library", "add", "Manga", tmp.resolve("nope").toString(), "--data-dir", tmp.resolve("data").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("kanzen: the folder").contains("does not exist").doesNotContain("\tat ");
    }

    @Test
    void a_usage_mistake_exits_2() {
        assertThat(run("", "scan", "--no-such-option")).isEqualTo(2);
        assertThat(run("", "library", "add", "only-a-name")).isEqualTo(2);
    }
}
