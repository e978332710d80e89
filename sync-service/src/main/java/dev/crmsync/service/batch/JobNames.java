package dev.crmsync.service.batch;

import java.util.List;

/** The job names of the external contract, which are also the job beans' names. */
public final class JobNames {
    public static final String INSTANTLY_TO_CRM = "instantly-to-crm";
    public static final String CRM_TO_INSTANTLY = "crm-to-instantly";
    public static final String DEAD_LETTER_REPLAY = "dead-letter-replay";
    public static final String RECONCILE = "reconcile";
    public static final List<String> ALL = List.of(INSTANTLY_TO_CRM, CRM_TO_INSTANTLY, DEAD_LETTER_REPLAY, RECONCILE);

    private JobNames() {
    }
}
