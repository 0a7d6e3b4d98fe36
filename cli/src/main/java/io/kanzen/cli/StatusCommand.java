package io.kanzen.cli;

import io.kanzen.core.CheckRun;
import io.kanzen.core.Health;
import io.kanzen.core.Kanzen;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = {"Prints Kanzen's health (UP, DEGRADED with the reasons, or DOWN) and the last check's record.",
    "Works beside a running server. Exit code 0 when UP, 1 otherwise."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            Health health = kanzen.health();
            System.out.println("health: " + health.status());
            health.reasons().forEach(r -> System.out.println("  " + r));
            printLastCheck(kanzen);
            return health.status() == Health.Status.UP ? 0 : 1;
        }
    }

    /** Prints the last check; false when none ever ran or the last one failed. */
    static boolean printLastCheck(Kanzen kanzen) {
        Optional<CheckRun> last = kanzen.lastCheck();
        if (last.isEmpty()) {
            System.out.println("no check has run yet");
            return false;
        }
        CheckRun r = last.get();
        String when = "started " + r.startedAt() + (r.running() ? ", still running" : ", ended " + r.finishedAt());
        System.out.println("last check" + (r.dryRun() ? " (dry run)" : "") + ": " + when);
        if (r.failed()) {
            System.out.println("  FAILED: " + r.error());
        } else if (!r.running()) {
            System.out.println("  " + r.series() + " series checked, " + r.searches() + " searches, " + r.found() + " releases found, " + r.sent()
                    + " sent");
        }
        r.problems().forEach(p -> System.out.println("  problem: " + p));
        return !r.failed();
    }
}
