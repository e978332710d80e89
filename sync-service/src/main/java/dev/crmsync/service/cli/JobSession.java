package dev.crmsync.service.cli;

import java.io.PrintStream;
import java.util.Map;

/** Where the command's job runs: a running service over the admin API, or this process. */
interface JobSession extends AutoCloseable {

    /** Starts the job; returns its execution id. Throws with the service's message when refused. */
    long start(String job, Map<String, Object> parameters) throws Exception;

    /** The execution as {@code GET /admin/jobs/executions/{id}} shows it. */
    Map<String, Object> execution(long id) throws Exception;

    /** Called once the execution ended (a local run waits here for its commands to be sent). */
    default void afterEnd(long id, PrintStream out) throws Exception {
    }

    @Override
    void close();
}
