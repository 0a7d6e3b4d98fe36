package io.kanzen.core.internal.monitor;

import io.kanzen.core.CheckReport;
import io.kanzen.core.MonitorConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks: automatically every interval of the settings (read again each time, so a change applies at the
 * next tick), and at once when asked. Two checks never overlap: one asked while another runs joins it.
 */
public final class MonitorScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorScheduler.class);
    private static final long TICK_SECONDS = 30;

    private final MonitorCheck check;
    private final MonitorConfigStore config;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final ScheduledExecutorService timer;
    /** Runs the checks asked for now; the timer runs the automatic ones itself, so neither waits on the other's thread. */
    private final java.util.concurrent.ExecutorService worker;
    private volatile CompletableFuture<CheckReport> current;
    private volatile Instant lastStart;
    private volatile CheckReport lastReport;

    private final List<java.util.function.Consumer<CheckReport>> reportListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public MonitorScheduler(MonitorCheck check, MonitorConfigStore config, Clock clock) {
        this.check = check;
        this.config = config;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kanzen-monitor-timer");
            t.setDaemon(true);
            return t;
        });
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kanzen-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the automatic checks (the first one after an interval, not at start-up). */
    public void start() {
        lastStart = clock.instant();
        timer.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** A check now, in the background; if one is running, that one is returned. */
    public synchronized CompletableFuture<CheckReport> checkNow(boolean dryRun) {
        CompletableFuture<CheckReport> running = current;
        if (running != null && !running.isDone()) {
            return running;
        }
        current = CompletableFuture.supplyAsync(() -> runExclusive(dryRun), worker);
        return current;
    }

    /** Hears of each finished check's report, in the checking thread; a listener returns quickly. */
    public void addReportListener(java.util.function.Consumer<CheckReport> listener) {
        reportListeners.add(listener);
    }

    /** A check in the calling thread, waiting for one that runs. */
    public CheckReport checkHere(boolean dryRun, String series) {
        running.lock();
        try {
            lastStart = clock.instant();
            lastReport = check.run(dryRun, series);
            for (java.util.function.Consumer<CheckReport> l : reportListeners) {
                try {
                    l.accept(lastReport);
                } catch (RuntimeException e) {
                    LOG.warn("a check report listener failed: {}", e.toString());
                }
            }
            return lastReport;
        } finally {
            running.unlock();
        }
    }

    public Optional<CheckReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    public boolean isRunning() {
        return running.isLocked();
    }

    private CheckReport runExclusive(boolean dryRun) {
        return checkHere(dryRun, null);
    }

    private void tick() {
        try {
            MonitorConfig cfg = config.current();
            if (!cfg.enabled() || lastStart == null || lastStart.plus(cfg.interval()).isAfter(clock.instant())) {
                return;
            }
            runExclusive(false); // on the timer's own thread: the lock keeps it from overlapping a check asked for now
        } catch (RuntimeException e) {
            LOG.warn("automatic check failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        worker.shutdownNow();
    }
}
