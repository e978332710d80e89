package dev.crmsync.testkit.hubspot;

import dev.crmsync.testkit.http.RequestCounters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code GET /_sim/state} page: counts, then per contact email its properties and how many notes it has. */
final class SimStateView {
    private SimStateView() {
    }

    static JsonNode render(CrmStore store, RequestCounters counters) {
        ObjectNode state = SimJson.object();
        state.put("contacts", store.contactCount());
        state.put("notes", store.engagementCount("notes"));
        state.put("tasks", store.engagementCount("tasks"));
        state.put("requests", counters.total());
        state.put("rateLimited", counters.rateLimitedCount());
        ObjectNode byOperation = state.putObject("requestsByOperation");
        counters.byOperation().forEach(byOperation::put);
        ObjectNode people = state.putObject("people");
        for (CrmRecord contact : store.contacts()) {
            ObjectNode person = people.putObject(contact.properties().getOrDefault("email", contact.id()));
            person.put("id", contact.id());
            ObjectNode properties = person.putObject("properties");
            contact.properties().forEach(properties::put);
            person.put("notes", store.engagementsOfContact("notes", contact.id()).size());
            person.put("tasks", store.engagementsOfContact("tasks", contact.id()).size());
        }
        return state;
    }
}
