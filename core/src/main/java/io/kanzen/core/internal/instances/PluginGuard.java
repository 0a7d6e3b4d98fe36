package io.kanzen.core.internal.instances;

import io.kanzen.api.PluginException;
import io.kanzen.core.KanzenException;
import io.kanzen.core.PluginCall;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs calls into plugins on the host's own threads, each under a deadline: past it the call is cancelled (its
 * thread interrupted) and the caller gets a {@link PluginFailure} at once, whether or not the plugin ever returns.
 * Anything a plugin throws, except a {@link VirtualMachineError}, becomes that plugin's failure for that call.
 */
public final class PluginGuard implements AutoCloseable {
    private final ExecutorService executor;

    public PluginGuard(String role) {
        AtomicInteger n = new AtomicInteger();
        String prefix = "kanzen-plugin-" + role.replace(' ', '-') + "-";
        // cached: a thread stuck in a plugin that ignores interruption is left behind, and new calls get new threads
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} under {@code deadline}; a {@link PluginException} it throws is passed on as is. */
    public <R> R call(PluginCall kind, Duration deadline, Callable<R> work) {
        Future<R> future;
        try {
            future = executor.submit(work);
        } catch (RejectedExecutionException e) {
            throw new KanzenException("Kanzen is shutting down", e);
        }
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginFailure(PluginFailure.Code.PLUGIN_TIMEOUT, "no answer within " + words(deadline) + " (" + kind.key()
                    + "): the call was abandoned", null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new KanzenException("interrupted while waiting for a plugin (" + kind.key() + ")", e);
        } catch (ExecutionException e) {
            throw failure(kind, e.getCause());
        }
    }

    /** Runs {@code work} on a host thread without waiting for it (closing an abandoned instance). */
    public void runDetached(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException ignored) {
            // shutting down: the instance goes with the process
        }
    }

    static RuntimeException failure(PluginCall kind, Throwable cause) {
        if (cause instanceof VirtualMachineError vm) {
            throw vm; // out of memory or stack: the host's trouble too, not a plugin's failure to record and go on
        }
        if (cause instanceof PluginException p) {
            return p;
        }
        if (cause instanceof KanzenException k) {
            return k; // the host's own code inside the call (making the instance's context)
        }
        String message = cause.getMessage();
        return new PluginFailure(PluginFailure.Code.PLUGIN_CRASH, kind.key() + " failed inside the plugin: " + cause.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message), cause);
    }

    /** A duration in the words of a message: {@code 60 s}, {@code 30 min}, {@code 2 h}. */
    public static String words(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600 && s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s >= 60 && s % 60 == 0) {
            return s / 60 + " min";
        }
        return s >= 1 ? s + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
