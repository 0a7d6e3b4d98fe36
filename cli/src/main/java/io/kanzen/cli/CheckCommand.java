package io.kanzen.cli;

import io.kanzen.api.scoring.Decision;
import io.kanzen.core.CheckReport;
import io.kanzen.core.Grab;
import io.kanzen.core.Kanzen;
import io.kanzen.core.SeriesCheck;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", description = {"Runs a check of the monitored series: follows the downloads, searches each source once per series",
    "that lacks volumes, and sends the best releases. Prints, per series, what it grabbed (or would grab) and why each",
    "other candidate was turned down."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--dry-run", description = "Judge and choose, send nothing.")
    boolean dryRun;

    @Option(names = "--series", paramLabel = "TITLE", description = "Only this series.")
    String series;

    @Option(names = "--all-candidates", description = "Also list the rejected releases (default: the first five per series).")
    boolean allCandidates;

    @Option(names = "--last", description = "Run nothing: print the last check's record (kept across restarts, whoever ran it).")
    boolean last;

    /** A score's parts: {@code score 80 = series +40 (the title names "Berserk"), volumes +20 (...)}. */
    private static String parts(Decision d) {
        return "score " + d.score().total() + " = " + d.score().breakdown().stream()
                .map(c -> c.name() + " " + (c.points() >= 0 ? "+" : "") + c.points() + (c.why().isEmpty() ? "" : " (" + c.why() + ")"))
                .collect(Collectors.joining(", "));
    }

    @Override
    public Integer call() {
        if (last) {
            try (Kanzen kanzen = top.open()) {
                return StatusCommand.printLastCheck(kanzen) ? 0 : 1;
            }
        }
        try (Kanzen kanzen = top.open()) {
            String settingsProblem = kanzen.monitorConfigProblem();
            if (settingsProblem != null) {
                System.out.println("settings problem: " + settingsProblem);
            }
            CheckReport report = kanzen.check(dryRun, series);
            DownloadsCommand.print(new io.kanzen.core.TrackReport(report.downloads().events(), java.util.List.of())); // problems come below
            for (SeriesCheck s : report.series()) {
                if (s.wanted().isEmpty() && s.problems().isEmpty()) {
                    continue;
                }
                System.out.println(s.title() + ": wanted " + (s.wanted().isEmpty() ? "nothing"
                        : s.wanted().stream().map(String::valueOf).collect(Collectors.joining(", "))));
                for (Grab g : s.grabs()) {
                    System.out.println("  grabbed  " + g.releaseTitle() + " -> " + g.client());
                }
                if (dryRun) {
                    for (Decision d : s.chosen()) {
                        System.out.println("  would grab  " + d.release().title() + "  (score " + d.score().total() + ", " + d.release().source() + ")");
                        if (allCandidates) {
                            System.out.println("    " + parts(d));
                        }
                    }
                }
                if (allCandidates) {
                    for (Decision d : s.decisions()) {
                        if (d.accepted() && !s.chosen().contains(d)) {
                            System.out.println("  accepted, not chosen  " + d.release().title() + "  (score " + d.score().total()
                                    + ": another release brings its volumes)");
                            System.out.println("    " + parts(d));
                        }
                    }
                }
                int shown = 0;
                for (Decision d : s.decisions()) {
                    if (d.accepted() || !allCandidates && shown >= 5) {
                        continue;
                    }
                    shown++;
                    System.out.println("  rejected " + d.release().title() + ": "
                            + d.rejections().stream().map(x -> "[" + x.reason() + "] " + x.message()).collect(Collectors.joining("; ")));
                    if (allCandidates) {
                        System.out.println("    " + parts(d));
                    }
                }
                long more = s.decisions().stream().filter(d -> !d.accepted()).count() - shown;
                if (more > 0) {
                    System.out.println("  (" + more + " more rejected: --all-candidates lists them)");
                }
                s.problems().forEach(p -> System.out.println("  problem: " + p));
            }
            report.problems().forEach(p -> System.out.println("problem: " + p));
            System.out.println((dryRun ? "dry run: " : "") + report.series().size() + " series checked, " + report.searches() + " searches, "
                    + report.grabs() + " grabs");
        }
        return 0;
    }
}
