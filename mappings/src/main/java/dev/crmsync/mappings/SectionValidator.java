package dev.crmsync.mappings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-references of the {@code fields} mappings, {@code engagement} and {@code bounces} sections and
 * of durations: known systems, a {@code transform} only where there is a {@code to}, date patterns and
 * zones that Java understands, statuses that exist, durations that fit.
 */
final class SectionValidator {
    private static final Set<String> DATE_KEYWORDS = Set.of("iso", "epoch-seconds", "epoch-millis");

    private final MappingValidator.Context context;
    private final YamlTree tree;

    SectionValidator(MappingValidator.Context context) {
        this.context = context;
        this.tree = context.tree;
    }

    void run() {
        fields();
        engagement();
        if (!tree.at("/bounces").isMissingNode()) {
            context.knownSystem("/bounces/from", tree.text("/bounces/from"));
            duration("/bounces/soft-to-hard-after", false);
        }
        for (String status : tree.at("/statuses").propertyNames()) {
            String pointer = YamlTree.child("/statuses", status);
            tree.at(pointer).propertyNames()
                    .forEach(system -> duration(YamlTree.child(pointer, system) + "/retry-later", true));
        }
    }

    private void fields() {
        for (String system : tree.at("/fields").propertyNames()) {
            String systemPointer = YamlTree.child("/fields", system);
            for (String field : tree.at(systemPointer).propertyNames()) {
                String pointer = YamlTree.child(systemPointer, field);
                if (tree.at(pointer).has("transform") && !tree.at(pointer).has("to")) {
                    context.problem(pointer + "/transform", "a transform without 'to' changes nothing"
                            + " (expected to: { system: field } next to it)");
                }
                transforms(pointer + "/transform");
                for (String target : tree.at(pointer + "/to").propertyNames()) {
                    String to = YamlTree.child(pointer + "/to", target);
                    if (context.knownSystem(to, target) && target.equals(system)) {
                        context.problem(to, "a field mapped onto its own system (expected another system than "
                                + system + ")");
                    }
                    transforms(to + "/transform");
                }
            }
        }
    }

    private void transforms(String pointer) {
        for (int i = 0; i < tree.at(pointer).size(); i++) {
            String date = YamlTree.child(pointer, i) + "/date";
            if (tree.at(date).isMissingNode()) {
                continue;
            }
            String format = tree.text(date + "/format");
            if (!DATE_KEYWORDS.contains(format)) {
                try {
                    DateTimeFormatter.ofPattern(format, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    context.problem(date + "/format", "'" + format + "' is not a date pattern: " + e.getMessage()
                            + " (expected a pattern such as yyyy-MM-dd, or iso, epoch-seconds, epoch-millis)");
                }
            }
            if (!tree.at(date + "/zone").isMissingNode()) {
                String zone = tree.text(date + "/zone");
                try {
                    ZoneId.of(zone);
                } catch (DateTimeException e) {
                    context.problem(date + "/zone", "'" + zone + "' is not a time zone (expected an id such as UTC or"
                            + " Europe/Paris)");
                }
            }
        }
    }

    private void engagement() {
        if (tree.at("/engagement").isMissingNode()) {
            return;
        }
        context.knownSystem("/engagement/from", tree.text("/engagement/from"));
        tree.at("/engagement/write-to").propertyNames()
                .forEach(s -> context.knownSystem(YamlTree.child("/engagement/write-to", s), s));
        List<String> statuses = List.copyOf(tree.at("/statuses").propertyNames());
        for (String kind : tree.at("/engagement/events").propertyNames()) {
            String pointer = YamlTree.child("/engagement/events", kind);
            if (!tree.at(pointer).has("on") && !tree.at(pointer).has("when") && !tree.at(pointer).has("statuses")) {
                context.problem(pointer, "'" + kind + "' says nothing about which changes count"
                        + " (expected on, when or statuses)");
            }
            List<String> named = tree.texts(pointer + "/statuses");
            for (int i = 0; i < named.size(); i++) {
                if (!statuses.contains(named.get(i))) {
                    context.problem(YamlTree.child(pointer + "/statuses", i), "unknown status '" + named.get(i)
                            + "' (expected one of the statuses: " + String.join(", ", statuses)
                            + Suggestions.didYouMean(named.get(i), statuses) + ")");
                }
            }
        }
    }

    private void duration(String pointer, boolean positive) {
        if (tree.at(pointer).isMissingNode()) {
            return;
        }
        String text = tree.text(pointer);
        try {
            Duration duration = Durations.parse(text);
            if (positive && duration.isZero()) {
                context.problem(pointer, "'" + text + "' is no wait at all (expected a positive duration, e.g. 24h)");
            }
        } catch (ArithmeticException | NumberFormatException e) {
            context.problem(pointer, "'" + text + "' is too long (expected a duration of at most a few years, e.g. 72h)");
        }
    }
}
