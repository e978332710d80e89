package dev.crmsync.service.batch;

import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.service.wiring.ConnectedSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each record job reads and for which targets it plans, from the connected systems: instantly-to-crm
 * reads Instantly and plans for every other target; crm-to-instantly reads every other system that can
 * page its records and plans for Instantly; reconcile reads every system and plans for all. Checked
 * before launch, so a job that cannot run is refused with the reason instead of failing later.
 */
public final class JobPreconditions {
    static final String INSTANTLY = "instantly";

    private final ConnectedSystems systems;

    public JobPreconditions(ConnectedSystems systems) {
        this.systems = systems;
    }

    /** @throws IllegalArgumentException saying why the job cannot run with these parameters here */
    void check(String jobName, JobRequest request) {
        if (request.target() != null && systems.targets().stream().noneMatch(t -> t.value().equals(request.target()))) {
            throw new IllegalArgumentException("'target' must be one of the systems the service writes to "
                    + systems.targets() + ", found '" + request.target() + "'");
        }
        if (JobNames.DEAD_LETTER_REPLAY.equals(jobName)) {
            return;
        }
        if (sources(jobName).isEmpty()) {
            throw new IllegalArgumentException(switch (jobName) {
                case JobNames.INSTANTLY_TO_CRM -> "Instantly cannot page its leads here: set INSTANTLY_API_KEY "
                        + "(or run Instantly in sandbox mode)";
                case JobNames.CRM_TO_INSTANTLY -> "no configured CRM adapter can page its records (connected: "
                        + systems.systemIds() + "); nothing to read";
                default -> "no connected system can page its records; nothing to reconcile";
            });
        }
        if (targets(jobName, request).isEmpty()) {
            throw new IllegalArgumentException("job '" + jobName + "' has no target to write to among "
                    + systems.targets());
        }
    }

    /** The systems the job reads, in order. */
    List<Map.Entry<String, RecordSource>> sources(String jobName) {
        List<Map.Entry<String, RecordSource>> sources = new ArrayList<>();
        systems.recordSources().forEach((id, source) -> {
            boolean instantly = INSTANTLY.equals(id);
            if (JobNames.RECONCILE.equals(jobName) || instantly == JobNames.INSTANTLY_TO_CRM.equals(jobName)) {
                sources.add(Map.entry(id, source));
            }
        });
        return sources;
    }

    /** The targets the job plans for: the request's one target, or the job's side. */
    Set<SystemId> targets(String jobName, JobRequest request) {
        Set<SystemId> targets = new TreeSet<>();
        for (SystemId target : systems.targets()) {
            boolean instantly = INSTANTLY.equals(target.value());
            boolean side = JobNames.RECONCILE.equals(jobName)
                    || (JobNames.CRM_TO_INSTANTLY.equals(jobName) ? instantly : !instantly);
            if (request.target() == null ? side : target.value().equals(request.target())) {
                targets.add(target);
            }
        }
        return targets;
    }
}
