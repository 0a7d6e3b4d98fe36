package io.kanzen.cli;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.KanzenException;
import io.kanzen.core.Kanzen;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "grab", description = {"Sends a magnet, torrent URL or ed2k link to a download client. A title that names a library",
    "series ties the download to it: the monitor will not grab that volume again and the download is imported when done.",
    "Without --client, ed2k links go to the first aMule, the others to the first qBittorrent."})
final class GrabCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--client", paramLabel = "NAME", description = "A client set up with 'kanzen clients add'.")
    String client;

    @Option(names = "--link", required = true, paramLabel = "LINK")
    String link;

    @Option(names = "--title", required = true, paramLabel = "SERIES")
    String title;

    @Option(names = "--volume", paramLabel = "N", description = "The volume, or a range such as 1-3.")
    String volume;

    @Option(names = "--force", description = "Send it even if the volume is already owned or held by another download.")
    boolean force;

    @Override
    public Integer call() {
        VolumeRange range = volume == null ? null : Volumes.parse(volume);
        try (Kanzen kanzen = top.open()) {
            Grab g;
            try {
                g = kanzen.grab(client, link, title, range, force);
            } catch (GrabConflictException e) {
                throw new KanzenException(e.getMessage() + ": nothing sent (--force sends it anyway)", e);
            }
            System.out.println("sent to " + g.client() + ": " + g.title() + (g.volume() == null ? "" : " " + g.volume()) + "  (id " + g.handle() + ")");
            System.out.println(g.linked() ? "#" + g.id() + " counts for the series " + g.title() + ": it will be imported when done"
                    : "#" + g.id() + " is not linked to a library series: 'kanzen downloads link " + g.id() + " --series TITLE --volume N' ties it");
        }
        return 0;
    }
}
