package dev.crmsync.core.spi;

import dev.crmsync.core.mapping.Mapping;
import java.util.List;

/**
 * Makes sure the custom fields a mapping writes exist in the system (e.g. HubSpot contact properties such
 * as {@code sync_engagement_score}), creating the missing ones. The host calls {@link #ensure} from its
 * admin API, and at start-up when {@link #ensureAtStartUp()} says so. Called on the caller's thread; makes
 * calls to the system within the adapter's rate budget; idempotent: a second call creates nothing.
 */
public interface CustomFields {

    /**
     * Checks every custom field {@code mapping} writes to this system and creates those that are missing.
     *
     * @return what was created and what was already there, each as {@code <object>.<field>}
     * @throws AdapterConfigException when the credentials may not create fields; the message names the
     *                                missing permission (scope) and the field
     * @throws AdapterException       when the system fails; a rerun continues where this one stopped
     */
    Report ensure(Mapping mapping);

    /** True when the adapter's configuration asks the host to call {@link #ensure} at start-up. */
    boolean ensureAtStartUp();

    /**
     * @param created  fields this call created, as {@code <object>.<field>}
     * @param existing fields that were there already
     */
    record Report(List<String> created, List<String> existing) {
        public Report {
            created = List.copyOf(created);
            existing = List.copyOf(existing);
        }
    }
}
