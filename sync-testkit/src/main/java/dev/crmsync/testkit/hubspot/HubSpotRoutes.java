package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

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

    HubSpotRoutes(CrmStore store, PropertySchema schema, Clock clock, BooleanSupplier partialEmailUpserts) {
        upsertContacts = new Route("contacts/batch/upsert",
                new ContactUpsertEndpoint(store, schema, clock, partialEmailUpserts), false);
        readContact = new Route("contacts/read", new ContactReadEndpoint(store), false);
        createNote = new Route("notes/create", new NoteCreateEndpoint(store, schema, clock, false), false);
        createNotes = new Route("notes/batch/create", new NoteCreateEndpoint(store, schema, clock, true), false);
        searchNotes = new Route("notes/search", new NoteSearchEndpoint(store, schema), true);
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
                default:
                    return Optional.empty();
            }
        }
        boolean contactPath = path.startsWith(ContactReadEndpoint.PREFIX)
                && path.length() > ContactReadEndpoint.PREFIX.length()
                && path.indexOf('/', ContactReadEndpoint.PREFIX.length()) < 0;
        return method.equals("GET") && contactPath ? Optional.of(readContact) : Optional.empty();
    }
}
