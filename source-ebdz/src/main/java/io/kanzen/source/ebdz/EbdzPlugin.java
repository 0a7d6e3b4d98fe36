package io.kanzen.source.ebdz;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginException;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.source.SourceFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** EBDZ (ebdz.net, a MyBB forum of ed2k links) as a release source with a local index. */
public final class EbdzPlugin implements Plugin {
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Forum address", ConfigType.URL).asRequired().withDefault("https://ebdz.net/forum/"),
            ConfigProperty.of("username", "User name", ConfigType.STRING).asRequired(),
            ConfigProperty.of("password", "Password", ConfigType.STRING).asRequired().asSecret(),
            ConfigProperty.of("forums", "Forums", ConfigType.LIST).asRequired()
                    .withDescription("Forum ids to crawl (the fid in forumdisplay.php?fid=…), comma-separated."),
            ConfigProperty.of("minIntervalSeconds", "Seconds between pages", ConfigType.INTEGER).asRequired().withDefault("1"),
            ConfigProperty.of("maxPagesPerForum", "Pages per forum and crawl", ConfigType.INTEGER).asRequired().withDefault("0")
                    .withDescription("0 reads every page."));

    @Override
    public String name() {
        return EbdzSource.NAME;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(SourceFactory.of(EbdzSource.NAME, SETTINGS, (config, context) -> {
            String url = config.string("url");
            URI base = URI.create(url.endsWith("/") ? url : url + "/");
            List<Long> forums = new ArrayList<>();
            for (String fid : config.list("forums")) {
                try {
                    forums.add(Long.parseLong(fid));
                } catch (NumberFormatException e) {
                    throw new PluginException(ErrorKind.CONFIGURATION, "a forum id is a number (the fid of forumdisplay.php?fid=…), not '" + fid + "'");
                }
            }
            Duration interval = Duration.ofSeconds(Math.max(0, config.integer("minIntervalSeconds")));
            ForumSession session = new ForumSession(base, config.string("username"), config.string("password"), context.http(),
                    context.rateLimiter(base.getHost()), new IntervalPacing(interval));
            return new EbdzSource(session, new LinkIndex(context.workDirectory().resolve("ebdz-index.db")), forums,
                    (int) config.integer("maxPagesPerForum"), context.nameParser(), context.clock());
        }));
    }

    /** At least {@code interval} between two requests. */
    static final class IntervalPacing implements ForumSession.Pacing {
        private final Duration interval;
        private long last;

        IntervalPacing(Duration interval) {
            this.interval = interval;
        }

        @Override
        public synchronized void await() {
            long wait = last + interval.toNanos() - System.nanoTime();
            if (last != 0 && wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while waiting to read the forum", e);
                }
            }
            last = System.nanoTime();
        }
    }
}
