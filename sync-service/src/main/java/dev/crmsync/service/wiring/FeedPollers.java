package dev.crmsync.service.wiring;

import dev.crmsync.service.worker.FeedPoller;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;

/** Runs one poller thread per change feed with the application context; stopping ends them, which releases their locks. */
public final class FeedPollers implements SmartLifecycle {
    private final List<FeedPoller> pollers;
    private ExecutorService executor;

    FeedPollers(List<FeedPoller> pollers) {
        this.pollers = List.copyOf(pollers);
    }

    @Override
    public void start() {
        AtomicInteger next = new AtomicInteger();
        executor = Executors.newFixedThreadPool(Math.max(1, pollers.size()), runnable -> {
            Thread thread = new Thread(runnable, "poller-" + pollers.get(next.getAndIncrement()).system());
            thread.setDaemon(true);
            return thread;
        });
        pollers.forEach(executor::execute);
    }

    @Override
    public void stop() {
        pollers.forEach(FeedPoller::stop);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
