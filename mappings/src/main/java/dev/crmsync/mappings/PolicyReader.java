package dev.crmsync.mappings;

import dev.crmsync.core.mapping.BounceRule;
import dev.crmsync.core.mapping.EngagementRule;
import dev.crmsync.core.mapping.ScoreKind;
import dev.crmsync.core.mapping.ScoreRule;
import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.SystemId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code engagement} and {@code bounces} sections of a checked tree. */
final class PolicyReader {
    private final YamlTree tree;

    PolicyReader(YamlTree tree) {
        this.tree = tree;
    }

    Optional<EngagementRule> engagement() {
        if (tree.at("/engagement").isMissingNode()) {
            return Optional.empty();
        }
        Map<SystemId, String> writeTo = new LinkedHashMap<>();
        tree.values("/engagement/write-to").forEach((system, field) -> writeTo.put(SystemId.of(system), field));
        List<ScoreRule> rules = new ArrayList<>();
        for (String kind : tree.at("/engagement/events").propertyNames()) {
            String pointer = YamlTree.child("/engagement/events", kind);
            Optional<Trigger> trigger = tree.at(pointer).has("on") || tree.at(pointer).has("when")
                    ? Optional.of(MappingReader.trigger(tree, pointer)) : Optional.empty();
            rules.add(new ScoreRule(ScoreKind.ofKey(kind).orElseThrow(), trigger, tree.texts(pointer + "/statuses"),
                    tree.at(pointer + "/points").asInt()));
        }
        return Optional.of(new EngagementRule(SystemId.of(tree.text("/engagement/from")), writeTo, rules));
    }

    Optional<BounceRule> bounces() {
        if (tree.at("/bounces").isMissingNode()) {
            return Optional.empty();
        }
        String after = "/bounces/soft-to-hard-after";
        Duration softToHard = tree.at(after).isMissingNode() ? BounceRule.DEFAULT_SOFT_TO_HARD
                : Durations.parse(tree.text(after));
        return Optional.of(new BounceRule(SystemId.of(tree.text("/bounces/from")),
                MappingReader.trigger(tree, "/bounces/soft"), tree.values("/bounces/hard"), softToHard,
                tree.texts("/bounces/delivered-on")));
    }
}
