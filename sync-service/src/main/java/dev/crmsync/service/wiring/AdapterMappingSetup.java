package dev.crmsync.service.wiring;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.CustomFields;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Introduces the adapters to the mapping at start-up: those that observe it hear it now and after every
 * reload; those whose config asks for it (e.g. {@code HUBSPOT_CREATE_PROPERTIES=true}) create the custom
 * fields it writes, and a failure there (a token without the scope) stops start-up with the adapter's reason.
 */
@Component
public final class AdapterMappingSetup {
    private static final Logger log = LoggerFactory.getLogger(AdapterMappingSetup.class);

    public AdapterMappingSetup(ConnectedSystems systems, MappingHolder mappings) {
        systems.mappingObservers().forEach(observer -> mappings.onLoad(observer::mappingLoaded));
        for (Map.Entry<String, CustomFields> entry : systems.allCustomFields().entrySet()) {
            if (entry.getValue().ensureAtStartUp()) {
                ensure(entry.getKey(), entry.getValue(), mappings);
            }
        }
    }

    private static void ensure(String system, CustomFields fields, MappingHolder mappings) {
        String setting = system.toUpperCase(Locale.ROOT).replace('-', '_') + "_CREATE_PROPERTIES";
        try {
            CustomFields.Report report = fields.ensure(mappings.current());
            log.info("{}: custom fields at start-up: created {}, already there {}", system, report.created(),
                    report.existing().size());
        } catch (AdapterConfigException e) {
            throw new AdapterConfigException("cannot start: " + system + " custom fields could not be created ("
                    + setting + "=true): " + e.getMessage());
        } catch (AdapterException e) {
            throw new AdapterConfigException("cannot start: " + system + " failed while creating custom fields ("
                    + setting + "=true); start again to continue, or unset it: " + e.getMessage());
        }
    }
}
