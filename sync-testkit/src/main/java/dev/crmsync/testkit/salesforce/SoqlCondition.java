package dev.crmsync.testkit.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Parses a WHERE clause into a predicate: OR of ANDs of comparisons, IN lists and parenthesised groups. */
final class SoqlCondition {
    private final SoqlTokens tokens;
    private final Consumer<String> fieldCheck;

    SoqlCondition(SoqlTokens tokens, Consumer<String> fieldCheck) {
        this.tokens = tokens;
        this.fieldCheck = fieldCheck;
    }

    Predicate<SimRecord> parse() {
        Predicate<SimRecord> left = and();
        while (tokens.skipKeyword("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<SimRecord> and() {
        Predicate<SimRecord> left = term();
        while (tokens.skipKeyword("AND")) {
            left = left.and(term());
        }
        return left;
    }

    private Predicate<SimRecord> term() {
        if (tokens.skip("(")) {
            Predicate<SimRecord> inner = parse();
            tokens.expect(")");
            return inner;
        }
        String field = tokens.identifier();
        fieldCheck.accept(field);
        if (tokens.skipKeyword("IN")) {
            tokens.expect("(");
            List<Comparable<?>> values = new ArrayList<>();
            do {
                values.add(SoqlValues.literal(tokens.next()));
            } while (tokens.skip(","));
            tokens.expect(")");
            return r -> values.stream().anyMatch(v -> SoqlValues.compare(r.get(field), v) == 0);
        }
        String op = tokens.next();
        Comparable<?> value = SoqlValues.literal(tokens.next());
        return switch (op) {
            case "=" -> r -> SoqlValues.compare(r.get(field), value) == 0;
            case "!=" -> r -> SoqlValues.compare(r.get(field), value) != 0;
            case ">" -> r -> SoqlValues.compare(r.get(field), value) > 0;
            case ">=" -> r -> SoqlValues.compare(r.get(field), value) >= 0;
            case "<" -> r -> SoqlValues.compare(r.get(field), value) < 0;
            case "<=" -> r -> SoqlValues.compare(r.get(field), value) <= 0;
            default -> throw SoapFault.malformedQuery("unexpected operator: '" + op + "'");
        };
    }
}
