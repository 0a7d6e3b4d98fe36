package io.kanzen.cli;

import io.kanzen.api.DownloadStatus;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.Download;
import io.kanzen.core.Grab;
import io.kanzen.core.Kanzen;
import io.kanzen.core.TrackReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "downloads", description = {"Follows the downloads once (imports the finished ones, gives up the failed and stalled ones),",
    "prints what that did, then lists what Kanzen sent, newest first, with each client's current state."},
        subcommands = {DownloadsCommand.Link.class, DownloadsCommand.Cancel.class, DownloadsCommand.Retry.class, DownloadsCommand.Blocklist.class})
final class DownloadsCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--no-poll", description = "Only list: do not ask the clients to import or fail anything first.")
    boolean noPoll;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            if (!noPoll && !json) {
                print(kanzen.trackDownloads());
            } else if (!noPoll) {
                kanzen.trackDownloads();
            }
            for (Download d : kanzen.downloads()) {
                Grab g = d.grab();
                DownloadStatus s = d.status();
                String state = g.state() != Grab.State.SENT ? g.state().name().toLowerCase(Locale.ROOT)
                        : s != null ? s.state().name().toLowerCase(Locale.ROOT) : "unknown";
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", g.id());
                    m.put("client", g.client());
                    m.put("title", g.title());
                    m.put("volume", Json.range(g.volume()));
                    m.put("linked", g.linked());
                    m.put("handle", g.handle());
                    m.put("state", state);
                    m.put("progress", s == null ? null : s.progress());
                    m.put("name", s == null ? null : s.name());
                    m.put("path", s == null ? null : s.contentPath());
                    m.put("import_error", g.importError());
                    m.put("message", g.message() != null ? g.message() : d.problem() != null ? d.problem() : s == null ? null : s.message());
                    m.put("sent_at", g.createdAt().toString());
                    System.out.println(Json.write(m));
                } else {
                    String progress = s == null ? "" : String.format(Locale.ROOT, " %3.0f%%", s.progress() * 100);
                    String note = g.importError() != null ? "  import failed: " + g.importError()
                            : g.message() != null ? "  " + g.message() : d.problem() != null ? "  (" + d.problem() + ")" : "";
                    System.out.println("#" + g.id() + "  " + g.createdAt() + "  " + g.client() + "  " + state + progress + "  " + g.title()
                            + (g.volume() == null ? "" : " " + g.volume()) + (g.linked() ? "" : "  [not linked]") + note);
                }
            }
        }
        return 0;
    }

    /** Prints what a poll (or a check's poll) did, one line per event, then the clients that could not be asked. */
    static void print(TrackReport report) {
        for (TrackReport.Event e : report.events()) {
            System.out.println(e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "  #" + e.grabId() + " " + e.title()
                    + (e.volume() == null ? "" : " " + e.volume()) + ": " + e.message());
        }
        report.problems().forEach(p -> System.out.println("problem: " + p));
    }

    @Command(name = "link", description = "Ties a download sent without a series to a series and volume; the next poll imports it.")
    static final class Link implements Callable<Integer> {
        @ParentCommand
        DownloadsCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The download's id (#N in 'kanzen downloads').")
        long id;

        @Option(names = "--series", required = true, paramLabel = "TITLE")
        String series;

        @Option(names = "--volume", paramLabel = "N", description = "The volume, or a range such as 1-3.")
        String volume;

        @Override
        public Integer call() {
            VolumeRange range = volume == null ? null : Volumes.parse(volume);
            try (Kanzen kanzen = parent.top.open()) {
                Grab g = kanzen.linkDownload(id, series, range);
                System.out.println("#" + g.id() + " linked to " + series + (range == null ? "" : " " + range));
                if (g.state() == Grab.State.SENT) {
                    try {
                        print(kanzen.retryDownload(g.id())); // a finished download is imported now
                    } catch (io.kanzen.core.KanzenException e) {
                        System.out.println("it will be imported at the next poll (" + e.getMessage() + ")");
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "cancel", description = "Removes a download in progress from its client (with its partial files); its volume is wanted again.")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand
        DownloadsCommand parent;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                Grab g = kanzen.cancelDownload(id);
                System.out.println("#" + g.id() + " cancelled: " + g.title() + (g.volume() == null ? "" : " " + g.volume()) + " is wanted again");
            }
            return 0;
        }
    }

    @Command(name = "retry", description = {"Imports a finished download now (after fixing a path or a permission),",
        "or sends a failed, stalled or cancelled one again (its release taken off the blocklist)."})
    static final class Retry implements Callable<Integer> {
        @ParentCommand
        DownloadsCommand parent;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                TrackReport r = kanzen.retryDownload(id);
                if (r.events().isEmpty() && r.problems().isEmpty()) {
                    System.out.println("#" + id + ": nothing new (still downloading)");
                }
                print(r);
            }
            return 0;
        }
    }

    @Command(name = "blocklist", description = "Never this release again for its series; a download in progress is removed from its client.")
    static final class Blocklist implements Callable<Integer> {
        @ParentCommand
        DownloadsCommand parent;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                Grab g = kanzen.blocklistDownload(id);
                System.out.println("#" + g.id() + " blocklisted for " + g.title() + "; the next check looks for another release");
            }
            return 0;
        }
    }
}
