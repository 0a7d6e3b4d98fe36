package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.Library;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "library", description = "Manages libraries (root folders of series).",
        subcommands = {LibraryCommand.Add.class, LibraryCommand.ListLibraries.class, LibraryCommand.Remove.class})
final class LibraryCommand {
    @ParentCommand
    KanzenCommand top;

    @Command(name = "add", description = "Adds a library: NAME for a root folder PATH whose sub-folders are series.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "PATH")
        Path path;

        @Option(names = "--chapters", description = "The series folders hold chapters: 'Berserk 05.cbz' is chapter 5 "
                + "(by default a library holds volumes, and it is volume 5).")
        boolean chapters;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                Library l = kanzen.addLibrary(name, path.toAbsolutePath().normalize(), chapters); // relative to where the command runs
                System.out.println("library '" + l.name() + "' added: " + l.root() + (l.chapterBased() ? " (chapters)" : ""));
                System.out.println("run 'kanzen scan --library \"" + l.name() + "\"' to read it");
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Forgets the library NAME and what was scanned of it; its folder and files are not touched.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                kanzen.removeLibrary(name);
                System.out.println("library '" + name + "' removed (its folder is untouched)");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the libraries.")
    static final class ListLibraries implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                for (Library l : kanzen.libraries()) {
                    System.out.println(l.name() + "\t" + l.root() + "\t" + (l.lastScan() == null ? "never scanned" : "scanned " + l.lastScan()));
                }
            }
            return 0;
        }
    }
}
