package io.kanzen.cli;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.Grab;
import io.kanzen.core.Kanzen;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "grab", description = {"Sends a magnet, torrent URL or ed2k link to a download client.",
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

    @Override
    public Integer call() {
        VolumeRange range = volume == null ? null : Volumes.parse(volume);
        try (Kanzen kanzen = top.open()) {
            Grab g = kanzen.grab(client, link, title, range);
            System.out.println("sent to " + g.client() + ": " + g.title() + (g.volume() == null ? "" : " " + g.volume()) + "  (id " + g.handle() + ")");
        }
        return 0;
    }
}
