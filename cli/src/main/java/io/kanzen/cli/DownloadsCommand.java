package io.kanzen.cli;

import io.kanzen.api.DownloadStatus;
import io.kanzen.core.Download;
import io.kanzen.core.Grab;
import io.kanzen.core.Kanzen;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "downloads", description = "Lists what Kanzen sent, newest first, with each client's current state.")
final class DownloadsCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
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
                    m.put("handle", g.handle());
                    m.put("state", state);
                    m.put("progress", s == null ? null : s.progress());
                    m.put("name", s == null ? null : s.name());
                    m.put("path", s == null ? null : s.contentPath());
                    m.put("message", g.message() != null ? g.message() : d.problem() != null ? d.problem() : s == null ? null : s.message());
                    m.put("sent_at", g.createdAt().toString());
                    System.out.println(Json.write(m));
                } else {
                    String progress = s == null ? "" : String.format(Locale.ROOT, " %3.0f%%", s.progress() * 100);
                    String note = g.message() != null ? "  " + g.message() : d.problem() != null ? "  (" + d.problem() + ")" : "";
                    System.out.println(g.createdAt() + "  " + g.client() + "  " + state + progress + "  " + g.title()
                            + (g.volume() == null ? "" : " " + g.volume()) + note);
                }
            }
        }
        return 0;
    }
}
