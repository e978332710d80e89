package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mapping file's {@code bounces} section: when soft bounces have gone on long enough to be
 * treated as a hard bounce.
 *
 * @param source          the system that reports bounces (Instantly)
 * @param soft            which of its changes are soft bounces
 * @param hard            the attributes a persistent soft bounce takes on, so the rules for hard
 *                        bounces (suppression, score) apply to it, e.g. {@code bounce_type: hard}
 * @param softToHardAfter a soft bounce observed more than this long after the first soft bounce of
 *                        an unbroken run becomes hard
 * @param deliveredOn     events that prove mail got through (open, click, reply) and end a run
 */
public record BounceRule(SystemId source, Trigger soft, Map<String, String> hard, Duration softToHardAfter,
                         List<String> deliveredOn) {
    public static final Duration DEFAULT_SOFT_TO_HARD = Duration.ofHours(72);

    public BounceRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(soft, "soft");
        hard = Map.copyOf(hard);
        Objects.requireNonNull(softToHardAfter, "softToHardAfter");
        deliveredOn = List.copyOf(deliveredOn);
        if (hard.isEmpty()) {
            throw new IllegalArgumentException("'hard' needs at least one attribute");
        }
        if (softToHardAfter.isNegative()) {
            throw new IllegalArgumentException("soft-to-hard-after must not be negative, found " + softToHardAfter);
        }
    }
}
