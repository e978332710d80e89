package dev.crmsync.service.cli;

import dev.crmsync.service.SyncServiceApplication;
import dev.crmsync.service.batch.BackfillJobs;
import dev.crmsync.service.batch.ExecutionView;
import dev.crmsync.service.batch.JobRequest;
import java.io.PrintStream;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service without its web server, in this process, configured from the environment as the service
 * is: the job runs here and this process's dispatchers send its commands. The command waits until they
 * are sent before it exits.
 */
final class LocalJobSession implements JobSession {
    private final ConfigurableApplicationContext context;

    private LocalJobSession(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static LocalJobSession start(String... springArgs) {
        return new LocalJobSession(new SpringApplicationBuilder(SyncServiceApplication.class)
                .web(WebApplicationType.NONE).run(springArgs));
    }

    @Override
    public long start(String job, Map<String, Object> parameters) {
        return context.getBean(BackfillJobs.class).start(job, JobRequest.fromJson(job, parameters));
    }

    @Override
    public Map<String, Object> execution(long id) {
        return context.getBean(BackfillJobs.class).execution(id).map(context.getBean(ExecutionView.class)::describe)
                .orElseThrow(() -> new IllegalStateException("no job execution " + id));
    }

    @Override
    public void afterEnd(long id, PrintStream out) throws InterruptedException {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        while (true) {
            Integer pending = jdbc.queryForObject("select count(*) from outbound_command where status = 'pending' "
                    + "and priority > 0", Integer.class);
            if (pending == null || pending == 0) {
                return;
            }
            out.print("\rsending backfill commands: " + pending + " left   ");
            out.flush();
            Thread.sleep(1_000);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
