package io.kanzen.cli;

import io.kanzen.core.Grab;
import io.kanzen.core.Kanzen;
import io.kanzen.core.Proposal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Manual mode from a terminal: what checks with automatic download off would have sent, to approve (sent like the
 * monitor sends, once) or reject (blocklisted, so the next check chooses another release), as on the web UI's
 * Propositions page.
 */
@Command(name = "proposals", description = {"Lists what checks with automatic download off would send, waiting for approval:",
    "per series and volumes the chosen release, its source, size, seeders and score."},
        subcommands = {ProposalsCommand.Approve.class, ProposalsCommand.Reject.class, ProposalsCommand.Unreject.class})
final class ProposalsCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--all", description = "The approved, rejected and superseded ones too, with why.")
    boolean all;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            List<Proposal> list = all ? kanzen.allProposals() : kanzen.proposals();
            if (list.isEmpty() && !json) {
                System.out.println(all ? "no proposal yet" : "no pending proposal" + (kanzen.monitorConfig().autoDownload()
                        ? " (automatic download is on: checks send without asking)" : ""));
            }
            for (Proposal p : list) {
                System.out.println(json ? Json.write(json(p)) : line(p));
            }
        }
        return 0;
    }

    /** One proposal on one line: id, state, series and volumes, release, source, size, seeders, score, and why it left the pending list. */
    static String line(Proposal p) {
        String size = p.size() == null ? "size ?" : String.format(Locale.ROOT, "%.1f MB", p.size() / 1_000_000.0);
        return "#" + p.id() + "  " + state(p) + "  " + Text.safe(p.seriesTitle()) + " " + p.volume() + "  " + Text.safe(p.releaseTitle())
                + "  [" + Text.safe(p.source()) + "]  " + size + "  " + (p.seeders() == null ? "" : p.seeders() + " seeders  ") + "score " + p.score()
                + (p.grabId() == null ? "" : "  download #" + p.grabId()) + (p.reason() == null ? "" : "  (" + Text.safe(p.reason()) + ")");
    }

    static Map<String, Object> json(Proposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("state", state(p));
        m.put("series_id", p.seriesId());
        m.put("series", p.seriesTitle());
        m.put("volume", Json.range(p.volume()));
        m.put("release", p.releaseTitle());
        m.put("source", p.source());
        m.put("link", p.link());
        m.put("size", p.size());
        m.put("seeders", p.seeders());
        m.put("score", p.score());
        m.put("score_parts", p.scoreParts().stream().map(c -> Map.of("name", c.name(), "points", c.points(), "why", c.why() == null ? "" : c.why()))
                .toList());
        m.put("reason", p.reason());
        m.put("reason_code", p.reasonCode());
        m.put("grab_id", p.grabId());
        m.put("updated_at", p.updatedAt().toString());
        return m;
    }

    private static String state(Proposal p) {
        return p.state().name().toLowerCase(Locale.ROOT);
    }

    @Command(name = "approve", description = {"Sends a pending proposal's release to its download client (the series' client, else the settings').",
        "With --all, every pending one in turn: one that cannot be sent stays pending with why, the others are still sent."})
    static final class Approve implements Callable<Integer> {
        @ParentCommand
        ProposalsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The proposal's id (kanzen proposals lists them).")
        Long id;

        @Option(names = "--all", description = "Every pending proposal.")
        boolean all;

        @Override
        public Integer call() {
            if ((id == null) == !all) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give a proposal's ID or --all (not both)");
            }
            try (Kanzen kanzen = parent.top.open()) {
                if (!all) {
                    Grab g = kanzen.approveProposal(id);
                    System.out.println("#" + id + " approved: sent to " + g.client() + " as download #" + g.id() + ": " + Text.safe(g.title())
                            + (g.volume() == null ? "" : " " + g.volume()));
                    return 0;
                }
                List<Proposal> tried = kanzen.approveAllProposals();
                long sent = tried.stream().filter(p -> p.state() == Proposal.State.APPROVED).count();
                tried.forEach(p -> System.out.println(line(p)));
                System.out.println(sent + " sent, " + (tried.size() - sent) + " not sent");
                return sent == tried.size() ? 0 : 1;
            }
        }
    }

    @Command(name = "reject", description = "Turns a pending proposal down: its release is blocklisted for the series, so the next check chooses another.")
    static final class Reject implements Callable<Integer> {
        @ParentCommand
        ProposalsCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The proposal's id (kanzen proposals lists them).")
        long id;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                Proposal p = kanzen.rejectProposal(id);
                System.out.println("#" + id + " rejected: " + Text.safe(p.releaseTitle()) + " is blocklisted for " + Text.safe(p.seriesTitle())
                        + "; the next check looks for another release");
            }
            return 0;
        }
    }

    @Command(name = "unreject", description = "Takes a rejection back: the release leaves the series' blocklist and the proposal is pending again.")
    static final class Unreject implements Callable<Integer> {
        @ParentCommand
        ProposalsCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The proposal's id (kanzen proposals --all lists the rejected ones).")
        long id;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                Proposal p = kanzen.unrejectProposal(id);
                if (p.state() == Proposal.State.PENDING) {
                    System.out.println("#" + id + " is pending again: " + Text.safe(p.releaseTitle()) + " is no longer blocklisted");
                } else {
                    System.out.println("#" + id + ": " + Text.safe(p.releaseTitle()) + " is no longer blocklisted, but the proposal is "
                            + state(p) + " (" + Text.safe(p.reason()) + ")");
                }
            }
            return 0;
        }
    }
}
