package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.time.ZoneId;

/** Maps a method and path to the simulated operation; the operation names are what {@code requestsByOperation()} counts. */
final class HubSpotRoutes {

    /**
     * @param search true for CRM search, which has its own rate limit and no rate-limit headers
     * @param scope  the scope the token needs, or null when any valid token may call
     */
    record Route(String operation, SimEndpoint endpoint, boolean search, String scope) {
        Route(String operation, SimEndpoint endpoint, boolean search) {
            this(operation, endpoint, search, null);
        }
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
    private final Route searchContacts;
    private final Route accountInfo;
    private final PropertiesEndpoint properties;

    HubSpotRoutes(CrmStore store, DealStore deals, PropertySchema schema, Clock clock,
                  BooleanSupplier partialEmailUpserts, Consumer<List<CrmStore.Upserted>> contactsWritten,
                  Supplier<ZoneId> accountZone) {
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
        searchContacts = new Route("contacts/search", new ContactSearchEndpoint(store, schema), true);
        accountInfo = new Route("account-info", new AccountInfoEndpoint(accountZone, clock), false);
        properties = new PropertiesEndpoint(schema);
    }

    /** The properties API: reads need {@code crm.schemas.<type>.read}, creates {@code crm.schemas.<type>.write}. */
    private Optional<Route> property(String method, String path) {
        return PropertiesEndpoint.parse(path).flatMap(parts -> {
            String scope = "crm.schemas." + parts[0];
            if (method.equals("POST") && parts.length == 1) {
                return Optional.of(new Route("properties/create", properties, false, scope + ".write"));
            }
            return method.equals("GET") ? Optional.of(new Route("properties/read", properties, false, null))
                    : Optional.empty();
        });
    }

    Optional<Route> resolve(String method, String path) {
        if (path.startsWith(PropertiesEndpoint.PREFIX)) {
            return property(method, path);
        }
        if (method.equals("GET") && path.equals(AccountInfoEndpoint.PATH)) {
            return Optional.of(accountInfo);
        }
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
                case "/crm/v3/objects/contacts/search":
                    return Optional.of(searchContacts);
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
