package dev.crmsync.service.web;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.CustomFields;
import dev.crmsync.service.wiring.ConnectedSystems;
import dev.crmsync.service.wiring.MappingHolder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/systems/{system}/properties} creates the custom fields the mapping in force writes to
 * that system when they are missing, and answers {@code {"system", "created": [...], "existing": [...]}}.
 * Safe to repeat. 404 for a system whose adapter keeps no custom fields; 502 with the vendor's reason (for
 * HubSpot, the missing scope and the property) when the system refuses or fails.
 */
@RestController
class CustomFieldsController {
    private final ConnectedSystems systems;
    private final MappingHolder mappings;

    CustomFieldsController(ConnectedSystems systems, MappingHolder mappings) {
        this.systems = systems;
        this.mappings = mappings;
    }

    @PostMapping("/admin/systems/{system}/properties")
    ResponseEntity<Map<String, Object>> ensure(@PathVariable("system") String system) {
        Optional<CustomFields> fields = systems.customFields(system);
        if (fields.isEmpty()) {
            return ErrorBody.of(HttpStatus.NOT_FOUND, "no_custom_fields", "'" + system + "' keeps no custom fields "
                    + "here (unknown system, or its adapter needs none); systems that do: "
                    + systems.allCustomFields().keySet());
        }
        CustomFields.Report report;
        try {
            report = fields.get().ensure(mappings.current());
        } catch (AdapterConfigException e) {
            return ErrorBody.of(HttpStatus.BAD_GATEWAY, "vendor_refused", e.getMessage());
        } catch (AdapterException e) {
            return ErrorBody.of(HttpStatus.BAD_GATEWAY, "vendor_error",
                    "'" + system + "' failed the call; rerun to continue: " + e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("system", system);
        answer.put("created", report.created());
        answer.put("existing", report.existing());
        return ResponseEntity.ok(answer);
    }
}
