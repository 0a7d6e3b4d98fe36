package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
        name = "kanzen",
        mixinStandardHelpOptions = true,
        version = "kanzen 0.1.0",
        description = "Keeps a manga collection complete.",
        subcommands = {ParseCommand.class, LibraryCommand.class, ScanCommand.class, SeriesCommand.class, MissingCommand.class,
            ClientsCommand.class, GrabCommand.class, DownloadsCommand.class, SourcesCommand.class, ScorersCommand.class, SearchCommand.class,
            MetadataCommand.class, EbdzCommand.class, CheckCommand.class, HistoryCommand.class, StatsCommand.class, StatusCommand.class,
            NotifiersCommand.class, PluginsCommand.class, SecretsCommand.class, ConfigCommand.class, AccountCommand.class,
            // branch start (issue 16): one distribution, the server started from the CLI's launcher
            ServeCommand.class, CdsTrainingCommand.class,
            // branch uiextras: manual mode's proposals from a terminal
            ProposalsCommand.class})
public final class KanzenCommand {
    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Where the database and key live (default: $KANZEN_DATA or ./data).")
    Path dataDir;

    @Option(
            names = "--plugins-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Folder of drop-in plugin JARs (default: $KANZEN_PLUGINS or ./plugins).")
    Path pluginsDir;

    Path dataDirectory() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("KANZEN_DATA");
        return Path.of(env != null && !env.isBlank() ? env : "data");
    }

    Path pluginsDirectory() {
        if (pluginsDir != null) {
            return pluginsDir;
        }
        String env = System.getenv("KANZEN_PLUGINS");
        return Path.of(env != null && !env.isBlank() ? env : "plugins");
    }

    Kanzen open() {
        return Kanzen.builder().dataDirectory(dataDirectory()).pluginsDirectory(pluginsDirectory()).build();
    }
}
