package dev.crmsync.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a source system told us about one person, in the source's own vocabulary; the mapping
 * turns it into the vocabulary of each target.
 *
 * @param source     the system the fact comes from
 * @param who        the person
 * @param eventType  the source's event type (e.g. {@code lead_interested}); mapping rules match on it
 * @param observedAt when the source observed the fact (not when we received it): the ordering guard compares it
 * @param attributes facts the rules may match on, such as {@code bounce_type} or {@code interest_value};
 *                   {@value #ORIGIN} = {@value #ORIGIN_OURS} when the source itself says the change is one of
 *                   our own writes coming back (HubSpot's {@code changeSource}/{@code sourceId}); {@value #RECORD} =
 *                   {@value #RECORD_DELETED} when the person's record was deleted in the source
 * @param fields     field values the source reports (CRM property changes, Instantly custom variables)
 * @param activities records to create in targets (reply notes, meeting tasks)
 */
public record CanonicalChange(SystemId source, Identity who, String eventType, Instant observedAt,
                              Map<String, String> attributes, Map<String, String> fields,
                              List<Activity> activities) {

    public CanonicalChange {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(observedAt, "observedAt");
        attributes = Map.copyOf(attributes);
        fields = Map.copyOf(fields);
        activities = List.copyOf(activities);
    }

    /** The attribute in which a source adapter says who made the change. */
    public static final String ORIGIN = "origin";
    /** {@link #ORIGIN} of a change the source reports as made by this engine's own writes. */
    public static final String ORIGIN_OURS = "ours";

    /** Whether the source says this change is our own write reported back: it never flows on, whatever it holds. */
    public boolean isOwnWrite() {
        return ORIGIN_OURS.equals(attributes.get(ORIGIN));
    }

    /** The attribute in which a source adapter says what happened to the person's record itself. */
    public static final String RECORD = "record";
    /** {@link #RECORD} of a change that says the person's record was deleted in the source. */
    public static final String RECORD_DELETED = "deleted";

    /**
     * Whether the source says the person's record is gone (a HubSpot contact deleted). The engine writes
     * nothing anywhere for it: it forgets the source's id for the person and what it knew the source held.
     */
    public boolean isRecordDeleted() {
        return RECORD_DELETED.equals(attributes.get(RECORD));
    }

    public static CanonicalChange of(SystemId source, Identity who, String eventType, Instant observedAt) {
        return new CanonicalChange(source, who, eventType, observedAt, Map.of(), Map.of(), List.of());
    }

    public CanonicalChange withAttributes(Map<String, String> attributes) {
        return new CanonicalChange(source, who, eventType, observedAt, attributes, fields, activities);
    }

    public CanonicalChange withFields(Map<String, String> fields) {
        return new CanonicalChange(source, who, eventType, observedAt, attributes, fields, activities);
    }

    public CanonicalChange withActivities(List<Activity> activities) {
        return new CanonicalChange(source, who, eventType, observedAt, attributes, fields, activities);
    }

    @Override
    public String toString() {
        return "CanonicalChange[source=" + source + ", who=" + who + ", eventType=" + eventType
                + ", observedAt=" + observedAt + ", fields=" + fields.keySet() + ", activities=" + activities.size() + "]";
    }
}
