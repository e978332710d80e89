package dev.crmsync.testkit.salesforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * The SOQL subset the adapter sends: {@code SELECT f1, f2 FROM Obj [WHERE cond] [ORDER BY f [ASC|DESC], ...]
 * [LIMIT n]}, where a condition combines {@code field op value} ({@code = != > >= < <=}) and
 * {@code field IN (v, ...)} with AND, OR and parentheses. Values are quoted strings, date-time literals,
 * numbers, {@code true}, {@code false} or {@code null}. Anything else is a {@code MALFORMED_QUERY} fault.
 */
record SoqlQuery(List<String> fields, String object, Predicate<SimRecord> where, List<Order> orderBy,
                 OptionalInt limit) {

    record Order(String field, boolean descending) {
    }

    static SoqlQuery parse(String soql, SimSchema schema) {
        SoqlTokens tokens = SoqlTokens.of(soql);
        tokens.expectKeyword("SELECT");
        List<String> fields = new ArrayList<>();
        do {
            fields.add(tokens.identifier());
        } while (tokens.skip(","));
        tokens.expectKeyword("FROM");
        String object = tokens.identifier();
        if (!schema.knowsObject(object)) {
            throw SoapFault.invalidType(object);
        }
        for (String field : fields) {
            requireField(schema, object, field);
        }
        Predicate<SimRecord> where = r -> true;
        if (tokens.skipKeyword("WHERE")) {
            where = new SoqlCondition(tokens, f -> requireField(schema, object, f)).parse();
        }
        List<Order> order = new ArrayList<>();
        if (tokens.skipKeyword("ORDER")) {
            tokens.expectKeyword("BY");
            do {
                String field = tokens.identifier();
                requireField(schema, object, field);
                boolean descending = tokens.skipKeyword("DESC");
                if (!descending) {
                    tokens.skipKeyword("ASC");
                }
                order.add(new Order(field, descending));
            } while (tokens.skip(","));
        }
        OptionalInt limit = OptionalInt.empty();
        if (tokens.skipKeyword("LIMIT")) {
            limit = OptionalInt.of(Integer.parseInt(tokens.next()));
        }
        tokens.expectEnd();
        return new SoqlQuery(List.copyOf(fields), object, where, List.copyOf(order), limit);
    }

    List<SimRecord> run(SObjectStore store) {
        Comparator<SimRecord> comparator = (a, b) -> 0;
        for (Order order : orderBy) {
            Comparator<SimRecord> byField = Comparator.comparing(r -> SoqlValues.sortKey(r.get(order.field())),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            comparator = comparator.thenComparing(order.descending() ? byField.reversed() : byField);
        }
        List<SimRecord> matches = new ArrayList<>(store.find(object, where));
        matches.sort(comparator);
        return limit.isPresent() && matches.size() > limit.getAsInt() ? matches.subList(0, limit.getAsInt()) : matches;
    }

    private static void requireField(SimSchema schema, String object, String field) {
        if (!schema.isReadable(object, field)) {
            throw SoapFault.invalidField("\n" + field + "\n^\nERROR at Row:1:Column:1\nNo such column '" + field
                    + "' on entity '" + object + "'. If you are attempting to use a custom field, be sure to append "
                    + "the '__c' after the custom field name.");
        }
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
