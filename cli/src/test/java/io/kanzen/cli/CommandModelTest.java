package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Branch startup (issue 16): picocli builds the model of the command a run names, not of all of them. */
class CommandModelTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private static List<String> names(CommandLine cli) {
        return List.copyOf(cli.getSubcommands().keySet());
    }

    private static List<String> allNames() {
        return KanzenCommand.COMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).collect(Collectors.toList());
    }

    @Test
    void a_run_that_names_a_command_gets_that_command_only_with_its_own_sub_commands() {
        CommandLine cli = KanzenCommand.commandLine("--data-dir", "somewhere", "library", "list");

        assertThat(names(cli)).containsExactly("library");
        assertThat(cli.getSubcommands().get("library").getSubcommands().keySet()).containsExactlyInAnyOrder("add", "list", "remove");
        assertThat(names(KanzenCommand.commandLine("--plugins-dir=p", "series", "--json"))).containsExactly("series");
    }

    @Test
    void a_run_that_names_no_command_gets_every_command_in_the_help_order() {
        assertThat(names(KanzenCommand.commandLine())).containsExactlyElementsOf(allNames());
        assertThat(names(KanzenCommand.commandLine("--help", "library"))).containsExactlyElementsOf(allNames());
        assertThat(names(KanzenCommand.commandLine("--data-dir", "library"))).containsExactlyElementsOf(allNames()); // 'library' is the folder
        assertThat(names(KanzenCommand.commandLine("libary", "list"))).containsExactlyElementsOf(allNames());
    }

    @Test
    void the_help_still_lists_every_visible_command() {
        assertThat(Main.run("--help")).isZero();

        String help = out.toString(StandardCharsets.UTF_8);
        for (String name : allNames()) {
            if (name.equals("cds-training")) {
                assertThat(help).doesNotContain(name); // hidden, as before
            } else {
                assertThat(help).containsPattern("(?m)^  " + name + " ");
            }
        }
    }

    @Test
    void a_mistyped_command_is_a_usage_mistake_with_picocli_s_suggestion() {
        assertThat(Main.run("libary", "list")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched arguments").contains("library");
    }

    @Test
    void a_command_s_usage_shows_the_options_it_inherits_from_the_top_command() {
        assertThat(Main.run("library", "add", "only-a-name")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: kanzen library add").contains("--data-dir=DIR")
                .contains("--plugins-dir=DIR");
    }
}
