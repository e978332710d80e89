package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.spi.PermanentAdapterException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@link Command.Upsert} asks of Instantly, read from the writer's field vocabulary
 * ({@code docs/instantly.md}, "Writer vocabulary"):
 * <ul>
 *   <li>{@code interest_value}: a whole number (1 interested, 2 meeting booked, ...), blank resets to "Lead";</li>
 *   <li>{@code blocklisted}: {@code true} adds the e-mail to the workspace block list;</li>
 *   <li>{@code sequence}: {@code stopped} takes the lead out of its active campaigns;</li>
 *   <li>anything else sets a lead field: a core field by Instantly's name ({@code first_name}, ...), else a
 *       custom variable; a {@code custom.} or {@code lead.} prefix is dropped, a blank value clears.</li>
 * </ul>
 *
 * @param setsInterest  whether {@code interest_value} was given
 * @param interestValue the value to set, or null to reset the lead to "Lead"
 * @param blocks        whether to add the e-mail to the block list
 * @param stopsSequence whether to take the lead out of its active campaigns
 * @param patch         lead fields and custom variables to set
 */
record InstantlyUpdate(boolean setsInterest, Integer interestValue, boolean blocks, boolean stopsSequence,
                       InstantlyLeadPatch patch) {

    static final String INTEREST_VALUE = "interest_value";
    static final String BLOCKLISTED = "blocklisted";
    static final String SEQUENCE = "sequence";

    /** @throws PermanentAdapterException when a value is outside the vocabulary; the message names the field */
    static InstantlyUpdate from(Command.Upsert upsert) {
        boolean setsInterest = false;
        Integer interest = null;
        boolean blocks = false;
        boolean stops = false;
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : upsert.fields().entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            switch (name) {
                case INTEREST_VALUE:
                    setsInterest = true;
                    interest = interestValue(value);
                    break;
                case BLOCKLISTED:
                    blocks = flag(BLOCKLISTED, value, "true", "only adding to Instantly's block list is supported; "
                            + "remove the entry in Instantly");
                    break;
                case SEQUENCE:
                    stops = flag(SEQUENCE, value, "stopped", "only stopping a sequence is supported");
                    break;
                default:
                    String field = unprefixed(name);
                    if (field.equals("email")) {
                        // Instantly keys leads by e-mail; the address is the command's identity, not a field to set.
                        if (!value.equalsIgnoreCase(upsert.who().email())) {
                            throw refused("a lead's e-mail cannot be changed: 'email' must be absent or the "
                                    + "person's own address");
                        }
                        break;
                    }
                    String cleared = value.isEmpty() ? null : entry.getValue();
                    (InstantlyLead.CORE_FIELDS.contains(field) ? fields : custom).put(field, cleared);
                    break;
            }
        }
        return new InstantlyUpdate(setsInterest, interest, blocks, stops, new InstantlyLeadPatch(fields, custom));
    }

    boolean needsLeadRecords() {
        return stopsSequence || !patch.isEmpty();
    }

    private static Integer interestValue(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw refused(INTEREST_VALUE + " must be a whole number (1 interested, 2 meeting booked, 3 meeting "
                    + "completed, 4 won, 0 out of office, -1 not interested, -2 wrong person, -3 lost) or blank, found '"
                    + abbreviate(value) + "'");
        }
    }

    private static boolean flag(String field, String value, String expected, String why) {
        if (!value.equalsIgnoreCase(expected)) {
            throw refused(field + " must be '" + expected + "' (" + why + "), found '" + abbreviate(value) + "'");
        }
        return true;
    }

    private static String unprefixed(String name) {
        if (name.startsWith("custom.") && name.length() > "custom.".length()) {
            return name.substring("custom.".length());
        }
        if (name.startsWith("lead.") && name.length() > "lead.".length()) {
            return name.substring("lead.".length());
        }
        return name;
    }

    private static PermanentAdapterException refused(String message) {
        return new PermanentAdapterException("Instantly writer: " + message, 0);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
