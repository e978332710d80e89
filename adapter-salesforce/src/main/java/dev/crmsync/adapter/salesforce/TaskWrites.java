package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import dev.crmsync.core.model.Activity;
import dev.crmsync.core.spi.WriteOutcome;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes activities (reply notes, booked meetings) as completed Tasks on the person, upserted by the Task's
 * unique External ID field holding the activity key: a retry or replay of the same activity updates the one
 * Task instead of adding another, even when an earlier attempt timed out after Salesforce applied it.
 */
final class TaskWrites {
    static final int SUBJECT_MAX = 255;
    static final int DESCRIPTION_MAX = 32_000;

    private final SalesforceCalls calls;
    private final String keyField;

    /** One Task to write: the dispatcher's item key, the activity and the person's record id. */
    record Input(String itemKey, Activity activity, String whoId) {
    }

    TaskWrites(SalesforceCalls calls, String keyField) {
        this.calls = calls;
        this.keyField = keyField;
    }

    /** Upserts in calls of {@code parts}' batch size; Tasks whose call was not made or failed fail with its error. */
    Map<String, WriteOutcome> write(List<Input> tasks, CallLog log, CallParts parts) {
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        parts.send(tasks, part -> {
            SObject[] records = part.stream().map(this::task).toArray(SObject[]::new);
            UpsertResult[] saved = calls.call("upsert Task", records.length, log, c -> c.upsert(keyField, records));
            for (int i = 0; i < part.size(); i++) {
                UpsertResult result = saved[i];
                outcomes.put(part.get(i).itemKey(), result.isSuccess()
                        ? WriteOutcome.written(result.getId(), "upsert Task " + (result.isCreated() ? "created" : "updated"))
                        : WriteOutcome.failed(SalesforceErrorClassifier.recordError("upsert Task", result.getErrors())));
            }
        }, (part, e) -> part.forEach(t -> outcomes.put(t.itemKey(), WriteOutcome.failed(e))));
        return outcomes;
    }

    private SObject task(Input input) {
        Activity activity = input.activity();
        SObject task = new SObject("Task");
        task.setField(keyField, activity.key());
        task.setField("WhoId", input.whoId());
        task.setField("Subject", cut(activity.subject().isBlank() ? "Activity from crm-sync" : activity.subject(),
                SUBJECT_MAX));
        if (!activity.body().isBlank()) {
            task.setField("Description", cut(activity.body(), DESCRIPTION_MAX));
        }
        task.setField("Status", "Completed");
        task.setField("ActivityDate", activity.occurredAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        return task;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
