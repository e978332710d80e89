package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MappingSchemaTest {

    @Test
    void schemaIsAValidDraft202012Schema() throws IOException {
        JsonNode schema = schemaDocument();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

        assertThat(registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema")).validate(schema)).isEmpty();
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void topLevelIsClosedToUnknownSections() throws IOException {
        JsonNode schema = schemaDocument();

        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("properties").propertyNames())
                .containsExactly("version", "systems", "statuses", "fields", "activities", "suppression", "ownership",
                        "engagement", "bounces");
        assertThat(schema.path("required").values()).extracting(JsonNode::asString)
                .containsExactly("version", "systems", "statuses");
    }

    private static JsonNode schemaDocument() throws IOException {
        try (InputStream in = MappingSchema.class.getResourceAsStream(MappingSchema.RESOURCE)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
