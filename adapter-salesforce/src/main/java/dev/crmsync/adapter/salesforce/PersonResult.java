package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.spi.AdapterException;

/** What writing one person's record came to: written (with where it lives) or refused. */
sealed interface PersonResult {

    record Written(PersonRecord record, boolean created) implements PersonResult {
    }

    record Rejected(AdapterException error) implements PersonResult {
    }
}
