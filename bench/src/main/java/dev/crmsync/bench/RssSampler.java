package dev.crmsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** Samples the service's resident memory every 200 ms while a load runs; keeps the first reading and the maximum. */
final class RssSampler {
    private final ServiceProcess service;
    private final double atRest;
    private volatile double max;

    RssSampler(ServiceProcess service) throws IOException {
        this.service = service;
        this.atRest = service.rssMiB();
        this.max = atRest;
    }

    <T> T during(Callable<T> load) throws Exception {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    max = Math.max(max, service.rssMiB());
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            return load.call();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
    }

    double atRest() {
        return atRest;
    }

    double max() {
        return max;
    }
}
