package io.kanzen.core.internal.monitor;

import io.kanzen.core.CheckBusyException;
import io.kanzen.core.CheckReport;
import io.kanzen.core.HistoryCodes;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.KanzenException;
import io.kanzen.core.Problem;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.TrackReport;
import io.kanzen.core.internal.instances.PluginGuard;
import io.kanzen.core.internal.storage.FileLockHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks: automatically every interval of the settings (read again each time, so a change applies at the
 * next tick), and at once when asked. Two checks never overlap: one asked while the same kind runs is answered with
 * the running one; another kind waits for it. Every check runs on its own thread under an overall deadline, past
 * which it is interrupted and its future fails, so nobody waits forever. A real check also holds the data
 * directory's check lock, so two processes never check at once; each check is recorded ({@link CheckRunStore}).
 * Downloads are followed on a clock of their own: while any is active, its client is asked every poll interval
 * of the download settings (30 s by default), so a finished download is imported within a minute, whatever the
 * check interval, and even while a long check runs.
 */
public final class MonitorScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorScheduler.class);
    private static final long TICK_SECONDS = 30;

    /** The check lock of the data directory: empty when another holds it; {@link #holder()} says who. */
    public interface CheckLock {
        Optional<FileLockHandle> tryAcquire();

        String holder();
    }

    private final MonitorCheck check;
    /** How often the download clock looks whether a poll is due (the poll interval is at least 5 s). */
    private static final long TRACK_TICK_MILLIS = 1000;
    private final DownloadTracker tracker;
    private final ScheduledExecutorService trackTimer;
    private volatile long lastPollNanos;
    private final MonitorConfigStore config;
    private final CheckRunStore runs;
    private final HistoryStore history;
    private final CheckLock lock;
    private final Supplier<List<String>> beforeRealCheck;
    private final Duration deadline;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private Running current; // guarded by this
    private volatile Instant lastStart;
    private volatile CheckReport lastReport;

    private final List<java.util.function.Consumer<CheckReport>> reportListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One check under way. */
    private static final class Running {
        final boolean dryRun;
        final String series;
        /** The series a check is limited to by id, or null. */
        final java.util.Set<Long> ids;
        final Instant deadlineAt;
        final CompletableFuture<CheckReport> future = new CompletableFuture<>();
        volatile Thread thread;
        volatile long runId = -1;

        Running(boolean dryRun, String series, java.util.Set<Long> ids, Instant deadlineAt) {
            this.dryRun = dryRun;
            this.series = series;
            this.ids = ids;
            this.deadlineAt = deadlineAt;
        }

        /** Set when the deadline stopped it: only then is a thread still alive a stuck one (not one finishing). */
        volatile boolean expired;

        boolean stuck(Instant now) {
            Thread t = thread;
            return expired && now.isAfter(deadlineAt) && t != null && t.isAlive();
        }
    }

    /** How long a new check waits for one stopped at its deadline to let go before refusing to start. */
    static final Duration STOPPED_CHECK_GRACE = Duration.ofSeconds(5);

    /**
     * @param beforeRealCheck work done under the check lock before each real check (grabs left SENDING by a crash);
     *                        returns the problems it met
     * @param deadline        how long a whole check may run
     */
    public MonitorScheduler(MonitorCheck check, DownloadTracker tracker, MonitorConfigStore config, CheckRunStore runs, HistoryStore history, CheckLock lock,
            Supplier<List<String>> beforeRealCheck, Duration deadline, Clock clock) {
        this.check = check;
        this.tracker = tracker;
        this.trackTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kanzen-downloads");
            t.setDaemon(true);
            return t;
        });
        this.config = config;
        this.runs = runs;
        this.history = history;
        this.lock = lock;
        this.beforeRealCheck = beforeRealCheck;
        this.deadline = deadline;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kanzen-monitor-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the automatic checks (the first one after an interval, not at start-up), and at once settles what a
     * previous process left half done (see {@code beforeRealCheck}) when no other process is checking.
     */
    public void start() {
        lastStart = clock.instant();
        started = true;
        timer.execute(this::settleLeftovers);
        timer.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        lastPollNanos = System.nanoTime();
        trackTimer.scheduleWithFixedDelay(this::trackTick, TRACK_TICK_MILLIS, TRACK_TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A check in the background; if one of the same kind is running, that one is returned. */
    public CompletableFuture<CheckReport> checkNow(boolean dryRun) {
        return submit(dryRun, null, null);
    }

    /** Hears of each finished check's report, in the checking thread; a listener returns quickly. */
    public void addReportListener(java.util.function.Consumer<CheckReport> listener) {
        reportListeners.add(listener);
    }

    /** A check, waited for (at most until its deadline); one of the same kind already running is joined. */
    public CheckReport checkHere(boolean dryRun, String series) {
        return waitFor(submit(dryRun, series, null));
    }

    /** A check of these series only (by id), waited for like {@link #checkHere(boolean, String)}. */
    public CheckReport checkHere(boolean dryRun, java.util.Set<Long> seriesIds) {
        return waitFor(submit(dryRun, null, java.util.Set.copyOf(seriesIds)));
    }

    private static CheckReport waitFor(CompletableFuture<CheckReport> check) {
        return MonitorCheck.await(check);
    }

    private synchronized CompletableFuture<CheckReport> submit(boolean dryRun, String series, java.util.Set<Long> ids) {
        Running running = current;
        if (running != null && !running.future.isDone()) {
            if (running.dryRun == dryRun && Objects.equals(running.series, series) && Objects.equals(running.ids, ids)) {
                return running.future;
            }
            // another kind of check runs: this one follows it (the running one ends by its deadline at the latest)
            return running.future.handle((r, e) -> null).thenCompose(ignored -> submit(dryRun, series, ids));
        }
        if (running != null && running.stuck(clock.instant())) {
            // a check stopped at its deadline was interrupted and normally lets go within moments: give it that time
            // before calling it stuck (a new check asked right after the old one's end would otherwise be refused)
            try {
                running.thread.join(STOPPED_CHECK_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (running != null && running.stuck(clock.instant())) {
            throw new KanzenException("check.stuck", KanzenException.pairs("deadline", running.deadlineAt), "the previous check is stuck in a plugin past its deadline (" + running.deadlineAt
                    + "); restart Kanzen to free it");
        }
        FileLockHandle held = null;
        if (!dryRun) {
            held = lock.tryAcquire().orElseThrow(() -> new CheckBusyException("a check is already running in " + lock.holder()
                    + " on this data directory: try again when it ends"));
            lastStart = clock.instant();
        }
        Running r = new Running(dryRun, series, ids, clock.instant().plus(deadline));
        FileLockHandle checkLock = held;
        Thread t = new Thread(() -> run(r, checkLock), "kanzen-check-runner");
        t.setDaemon(true);
        r.thread = t;
        current = r;
        timer.schedule(() -> expire(r), Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS);
        t.start();
        return r.future;
    }

    private void run(Running r, FileLockHandle checkLock) {
        CheckReport report = null;
        Throwable failure = null;
        try {
            List<Problem> extra = new ArrayList<>();
            if (!r.dryRun) {
                runs.closeAbandoned(clock.instant()); // no other process checks: any run still open died with its process
                beforeRealCheck.get().forEach(p -> extra.add(Problem.of("download.recovered", p, "detail", p)));
            }
            r.runId = runs.started(r.dryRun, clock.instant());
            report = check.run(r.dryRun, r.series, r.ids);
            if (!extra.isEmpty()) {
                List<Problem> problems = new ArrayList<>(extra);
                problems.addAll(report.problems());
                report = new CheckReport(report.startedAt(), report.finishedAt(), report.dryRun(), report.series(), report.searches(),
                        report.grabs(), problems);
            }
            runs.finished(r.runId, report);
            lastReport = report;
            for (java.util.function.Consumer<CheckReport> l : reportListeners) {
                try {
                    l.accept(report);
                } catch (RuntimeException e) {
                    LOG.warn("a check report listener failed: {}", e.toString());
                }
            }
        } catch (Throwable e) { // NOPMD: whatever ends a check is recorded, then passed to whoever waits for it
            failure = e;
        } finally {
            if (checkLock != null) {
                checkLock.close(); // before answering: whoever waited may start the next check at once
            }
        }
        if (failure == null) {
            r.future.complete(report);
            return;
        }
        fail(r, failure instanceof KanzenException ? failure.getMessage() : "the check failed: " + failure, failure);
        if (failure instanceof VirtualMachineError vm) {
            throw vm;
        }
    }

    private void expire(Running r) {
        if (!r.future.isDone()) {
            r.expired = true;
            LOG.warn("the check started at {} passed its deadline of {} and was stopped", r.deadlineAt.minus(deadline), deadline);
            // answered first, so the interruption below is not taken for the cause
            fail(r, "the check passed its deadline of " + PluginGuard.words(deadline) + " and was stopped", null);
            Thread t = r.thread;
            if (t != null) {
                t.interrupt(); // the check's series threads and plugin calls are cancelled in turn
            }
        }
    }

    private void fail(Running r, String error, Throwable cause) {
        synchronized (r) {
            if (r.future.isDone()) {
                return; // the deadline already answered for it
            }
            failOnce(r, error, cause);
        }
    }

    private void failOnce(Running r, String error, Throwable cause) {
        try {
            boolean recorded = r.runId < 0 ? runs.failed(runs.started(r.dryRun, r.deadlineAt.minus(deadline)), error, clock.instant())
                    : runs.failed(r.runId, error, clock.instant());
            if (recorded) {
                history.add(HistoryEvent.Kind.FAILURE, false, null, null, null, null, null, null, null,
                        r.expired ? HistoryCodes.CHECK_DEADLINE : HistoryCodes.CHECK_FAILED, KanzenException.pairs("detail", error),
                        "check failed: " + error, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.error("the check failed ({}) and that could not be recorded: {}", error, e.getMessage());
        }
        if (cause == null) {
            r.future.completeExceptionally(new KanzenException("check.failed", KanzenException.pairs("detail", error), error));
        } else {
            r.future.completeExceptionally(cause instanceof KanzenException ? cause : new KanzenException("check.failed", KanzenException.pairs("detail", error), error, cause));
        }
    }

    /**
     * When the timer starts the next automatic check: the last start (or this process's start) plus the interval of
     * the settings in force, within one tick; empty when automatic checks are off or the timer was never started.
     */
    public Optional<Instant> nextCheckAt() {
        MonitorConfig cfg = config.current();
        Instant last = lastStart;
        if (!cfg.enabled() || last == null || !started) {
            return Optional.empty();
        }
        return Optional.of(last.plus(cfg.interval()));
    }

    private volatile boolean started;

    public Optional<CheckReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    public synchronized boolean isRunning() {
        return current != null && !current.future.isDone();
    }

    /** Why a check of this process is stuck (past its deadline, its thread still in a plugin), if one is. */
    public synchronized Optional<String> stuck() {
        Running r = current;
        if (r != null && r.stuck(clock.instant())) {
            return Optional.of("the check started at " + r.deadlineAt.minus(deadline) + " is stuck past its deadline");
        }
        return Optional.empty();
    }

    private void settleLeftovers() {
        try {
            Optional<FileLockHandle> held = lock.tryAcquire();
            if (held.isEmpty()) {
                return; // another process checks: it settles them itself at its next check
            }
            try (FileLockHandle ignored = held.get()) {
                runs.closeAbandoned(clock.instant());
                beforeRealCheck.get().forEach(p -> LOG.warn("at start: {}", p));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not settle what the last run left half done: {}", e.getMessage());
        }
    }

    private void tick() {
        try {
            MonitorConfig cfg = config.current();
            if (!cfg.enabled() || lastStart == null || lastStart.plus(cfg.interval()).isAfter(clock.instant())) {
                return;
            }
            submit(false, null, null); // runs on its own thread; the timer stays free for deadlines
        } catch (CheckBusyException e) {
            LOG.info("automatic check skipped: {}", e.getMessage());
            lastStart = clock.instant();
        } catch (RuntimeException e) {
            LOG.warn("automatic check failed: {}", e.getMessage());
        }
    }

    /** One tick of the download clock: a poll when one is due and any download is followed. */
    private void trackTick() {
        try {
            long interval = config.current().downloads().poll().toNanos();
            if (System.nanoTime() - lastPollNanos < interval) {
                return;
            }
            lastPollNanos = System.nanoTime();
            if (!tracker.anyActive()) {
                return;
            }
            TrackReport report = tracker.poll();
            report.events().forEach(e -> LOG.info("{} {} {}: {}", e.kind(), e.title(), e.volume() == null ? "" : e.volume(), e.message()));
            report.problems().forEach(p -> LOG.debug("download poll: {}", p));
        } catch (RuntimeException e) {
            LOG.warn("download poll failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        trackTimer.shutdownNow();
        Running r;
        synchronized (this) {
            r = current;
        }
        if (r != null && r.thread != null) {
            r.thread.interrupt();
        }
    }
}
