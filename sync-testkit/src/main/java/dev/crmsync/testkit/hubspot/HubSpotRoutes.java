package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Maps a method and path to the simulated operation; the operation names are what {@code requestsByOperation()} counts. */
final class HubSpotRoutes {

    /** @param search true for CRM search, which has its own rate limit and no rate-limit headers */
    record Route(String operation, SimEndpoint endpoint, boolean search) {
    }

    private final Route upsertContacts;
    private final Route readContact;
    private final Route createNote;
    private final Route createNotes;
    private final Route searchNotes;
    private final Route createTask;
    private final Route createTasks;
    private final Route searchTasks;
    private final Route dealContacts;

    HubSpotRoutes(CrmStore store, DealStore deals, PropertySchema schema, Clock clock,
                  BooleanSupplier partialEmailUpserts, Consumer<List<CrmStore.Upserted>> contactsWritten) {
        upsertContacts = new Route("contacts/batch/upsert",
                new ContactUpsertEndpoint(store, schema, clock, partialEmailUpserts, contactsWritten), false);
        readContact = new Route("contacts/read", new ContactReadEndpoint(store), false);
        EngagementInput.Kind notes = EngagementInput.Kind.NOTES;
        EngagementInput.Kind tasks = EngagementInput.Kind.TASKS;
        createNote = new Route("notes/create", new EngagementCreateEndpoint(notes, store, schema, clock, false), false);
        createNotes = new Route("notes/batch/create", new EngagementCreateEndpoint(notes, store, schema, clock, true),
                false);
        searchNotes = new Route("notes/search", new EngagementSearchEndpoint(notes, store, schema), true);
        createTask = new Route("tasks/create", new EngagementCreateEndpoint(tasks, store, schema, clock, false), false);
        createTasks = new Route("tasks/batch/create", new EngagementCreateEndpoint(tasks, store, schema, clock, true),
                false);
        searchTasks = new Route("tasks/search", new EngagementSearchEndpoint(tasks, store, schema), true);
        dealContacts = new Route("deals/associations/contacts", new DealContactsEndpoint(deals), false);
    }

    Optional<Route> resolve(String method, String path) {
        if (method.equals("POST")) {
            switch (path) {
                case "/crm/v3/objects/contacts/batch/upsert":
                    return Optional.of(upsertContacts);
                case "/crm/v3/objects/notes":
                    return Optional.of(createNote);
                case "/crm/v3/objects/notes/batch/create":
                    return Optional.of(createNotes);
                case "/crm/v3/objects/notes/search":
                    return Optional.of(searchNotes);
                case "/crm/v3/objects/tasks":
                    return Optional.of(createTask);
                case "/crm/v3/objects/tasks/batch/create":
                    return Optional.of(createTasks);
                case "/crm/v3/objects/tasks/search":
                    return Optional.of(searchTasks);
                default:
                    return Optional.empty();
            }
        }
        if (method.equals("GET") && DealContactsEndpoint.matches(path)) {
            return Optional.of(dealContacts);
        }
        boolean contactPath = path.startsWith(ContactReadEndpoint.PREFIX)
                && path.length() > ContactReadEndpoint.PREFIX.length()
                && path.indexOf('/', ContactReadEndpoint.PREFIX.length()) < 0;
        return method.equals("GET") && contactPath ? Optional.of(readContact) : Optional.empty();
    }
}
