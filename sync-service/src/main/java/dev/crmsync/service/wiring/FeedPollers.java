package dev.crmsync.service.wiring;

import dev.crmsync.service.worker.FeedPoller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/** Starts one poller thread per change feed with the application context, and stops them (releasing their locks). */
public final class FeedPollers implements SmartLifecycle {
    private final List<FeedPoller> pollers;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    FeedPollers(List<FeedPoller> pollers) {
        this.pollers = List.copyOf(pollers);
    }

    @Override
    public void start() {
        running = true;
        for (FeedPoller poller : pollers) {
            Thread thread = new Thread(poller, "poller-" + poller.system());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public void stop() {
        running = false;
        pollers.forEach(FeedPoller::stop);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
