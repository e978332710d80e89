package dev.crmsync.mappings;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The format's JSON Schema ({@code mapping.schema.json}, draft 2020-12, next to this class), applied to
 * a parsed file. Immutable and thread-safe: load it once.
 */
final class MappingSchema {
    static final String RESOURCE = "mapping.schema.json";

    private final Schema schema;
    private final SchemaErrorWording wording;

    MappingSchema() {
        JsonNode document = readSchema();
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(document);
        this.wording = new SchemaErrorWording(document);
    }

    List<MappingProblem> check(YamlTree tree) {
        List<MappingProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Error error : schema.validate(tree.root())) {
            String target = wording.target(error);
            // "string or block" is checked once more inside the block's own schema; one sentence per place is enough.
            if (error.getKeyword().equals("type") && !reported.add(target)) {
                continue;
            }
            problems.add(tree.problem(target, wording.message(error)));
        }
        return problems;
    }

    private static JsonNode readSchema() {
        try (InputStream in = MappingSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path next to " + MappingSchema.class.getName());
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
