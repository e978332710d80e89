package dev.crmsync.core.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of engagement the score counts, by their names in the mapping file's {@code engagement.events}. */
public enum ScoreKind {
    /** The first open of each email; later opens of the same email count nothing. */
    OPEN("open", true),
    CLICK("click", true),
    POSITIVE_REPLY("positive-reply", true),
    NEGATIVE_REPLY("negative-reply", true),
    BOUNCE("bounce", false),
    /** The sequence ended for the person without any open, click or reply in that campaign. */
    COMPLETED_WITHOUT_ENGAGEMENT("completed-without-engagement", false);

    private final String key;
    private final boolean engagement;

    ScoreKind(String key, boolean engagement) {
        this.key = key;
        this.engagement = engagement;
    }

    /** The name in the mapping file. */
    public String key() {
        return key;
    }

    /** Whether this kind shows the person engaged, which rules out "completed without engagement". */
    public boolean isEngagement() {
        return engagement;
    }

    public static Optional<ScoreKind> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
