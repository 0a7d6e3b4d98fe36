package io.kanzen.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.sse.SseClient;
import io.kanzen.core.CheckProgress;
import io.kanzen.core.Kanzen;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent events of the Aperçu. Each browser gets the state at once ({@code progress}), then a
 * {@code progress} event whenever a running check moves on, and a {@code finished} event with the last check's
 * summary when it ends (each a {@code message} with its {@code type} in the data). One timer looks at the check's progress a few times a second while anyone listens, and not
 * at all otherwise; a comment every 15 s keeps proxies from closing an idle stream and finds the closed ones.
 */
final class OverviewEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OverviewEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final long LOOK_MILLIS = 300;
    private static final long PING_LOOKS = 15_000 / LOOK_MILLIS;

    private final Kanzen kanzen;
    private final Supplier<Map<String, Object>> lastCheck;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer; // guarded by this
    private ScheduledFuture<?> looking; // guarded by this
    private CheckProgress last; // read and written by the timer thread only (set before it starts)
    /** The last check run seen ended ("id@finishedAt"): a check that ends, however quickly, changes it. */
    private String lastEnded;
    private long looks;

    OverviewEvents(Kanzen kanzen, Supplier<Map<String, Object>> lastCheck) {
        this.kanzen = kanzen;
        this.lastCheck = lastCheck;
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> leave(client));
        send(client, "progress", state(kanzen.checkProgress()));
        clients.add(client);
        synchronized (this) {
            if (looking == null) {
                if (timer == null) {
                    timer = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "kanzen-overview-events");
                        t.setDaemon(true);
                        return t;
                    });
                }
                last = null;
                lastEnded = ended();
                looking = timer.scheduleWithFixedDelay(this::look, LOOK_MILLIS, LOOK_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void leave(SseClient client) {
        clients.remove(client);
        synchronized (this) {
            if (clients.isEmpty() && looking != null) {
                looking.cancel(false);
                looking = null;
            }
        }
    }

    private void look() {
        try {
            CheckProgress now = kanzen.checkProgress();
            if (!now.equals(last)) {
                broadcast("progress", state(now));
            }
            String ended = ended();
            if (ended != null && !ended.equals(lastEnded)) {
                lastEnded = ended;
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("last_check", lastCheck.get());
                summary.put("proposals_pending", kanzen.proposals().size());
                summary.put("stats", kanzen.stats());
                broadcast("finished", summary);
            }
            last = now;
            if (++looks % PING_LOOKS == 0) {
                for (SseClient c : clients) {
                    if (c.terminated()) {
                        leave(c);
                    } else {
                        c.sendComment("ping");
                    }
                }
            }
        } catch (RuntimeException e) { // the timer goes on: one failed look must not end the stream for everyone
            LOG.debug("overview events: {}", e.toString());
        }
    }

    /** Which check ended last, or null when none ended yet (or one runs as the last record). */
    private String ended() {
        return kanzen.lastCheck().filter(r -> !r.running()).map(r -> r.id() + "@" + r.finishedAt()).orElse(null);
    }

    private static Map<String, Object> state(CheckProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("running", p.running());
        m.put("series_done", p.seriesDone());
        m.put("series_total", p.seriesTotal());
        m.put("results", p.results());
        m.put("sent", p.grabs());
        m.put("started_at", p.startedAt() == null ? null : p.startedAt().toString());
        return m;
    }

    private void broadcast(String event, Map<String, Object> data) {
        for (SseClient c : clients) {
            if (c.terminated()) {
                leave(c);
            } else {
                send(c, event, data);
            }
        }
    }

    /**
     * One event, as a plain {@code message} whose data says its {@code type} ({@code progress}, {@code finished}): a
     * browser's {@code EventSource.onmessage} hears it without listening for each name.
     */
    private static void send(SseClient c, String type, Map<String, Object> data) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("type", type);
        typed.putAll(data);
        try {
            c.sendEvent("message", JSON.writeValueAsString(typed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("overview events are plain values", e);
        }
    }
}
