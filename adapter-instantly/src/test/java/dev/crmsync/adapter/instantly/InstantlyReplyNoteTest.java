package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Translation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replies become one note per reply, however often Instantly delivers them. */
class InstantlyReplyNoteTest {
    private final InstantlyEventTranslator translator = new InstantlyEventTranslator();

    private CanonicalChange change(byte[] body) throws Exception {
        ParsedEvent stored = translator.parse(body).get(0);
        Translation translation = translator.translate(stored.eventType(), stored.payload());
        return ((Translation.Translated) translation).changes().get(0);
    }

    private Activity note(byte[] body) throws Exception {
        CanonicalChange change = change(body);
        assertThat(change.activities()).hasSize(1);
        return change.activities().get(0);
    }

    @Test
    void replyBecomesANoteKeyedByTheRepliesEmailId() throws Exception {
        Activity note = note(InstantlyPayloads.of("reply_received"));

        assertThat(note.kind()).isEqualTo("note");
        assertThat(note.key()).isEqualTo("instantly-reply:019c0b7e-6a15-7e8f-b3c2-0d4e5f6a7b8c");
        assertThat(note.subject()).isEqualTo("Reply received (campaign Q1 SaaS Outreach, step 2)");
        assertThat(note.body()).isEqualTo("Thanks Maria, this is timely. Could we talk Thursday at 10am?\n\nAnn\n\n"
                + "https://app.instantly.ai/app/unibox?thread_id=019c0b7e-6a15-7e8f-b3c2-0d4e5f6a7b8c");
        assertThat(note.occurredAt()).isEqualTo(Instant.parse("2026-01-28T14:32:11.042Z"));
        assertThat(note.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "campaign_id", "019b7d10-5e2a-7f43-8c1d-2a6e9b4f7c30", "step", "2", "variant", "1", "is_first", "true"));
    }

    @Test
    void retriedReplyGivesTheSameNoteAndTheSameDedupKey() throws Exception {
        byte[] first = InstantlyPayloads.of("reply_received");
        byte[] retry = InstantlyPayloads.with("reply_received", Map.of("retry_count", 1, "will_retry", true,
                "timestamp_next_retry", "2026-01-28T14:32:41.042Z",
                "retry_group_id", "019c0b7f-1111-7abc-8def-123456789abc"));

        assertThat(translator.parse(retry).get(0).dedupKey()).isEqualTo(translator.parse(first).get(0).dedupKey());
        assertThat(note(retry).key()).isEqualTo(note(first).key());
        assertThat(note(retry).body()).isEqualTo(note(first).body());
    }

    @Test
    void replyWithoutEmailIdIsKeyedByItsDedupHash() throws Exception {
        byte[] body = InstantlyPayloads.without("reply_received", "email_id");
        String dedupKey = translator.parse(body).get(0).dedupKey();

        Activity note = note(body);

        assertThat(note.key()).isEqualTo("instantly-reply:" + dedupKey.substring("instantly:".length()));
    }

    @Test
    void bodyFallsBackToTheSnippetAndLeavesOutAMissingLink() throws Exception {
        Activity note = note(InstantlyPayloads.without("reply_received", "reply_text", "unibox_url"));

        assertThat(note.body()).isEqualTo("Thanks Maria, this is timely. Could we talk Thursday?");
    }

    @Test
    void autoReplyIsANoteTitledAsSuch() throws Exception {
        Activity note = note(InstantlyPayloads.of("auto_reply_received"));

        assertThat(note.subject()).isEqualTo("Auto-reply received (campaign Q1 SaaS Outreach, step 1)");
        assertThat(note.key()).isEqualTo("instantly-reply:019bfc41-0d2e-7a6b-9c8d-7e6f5a4b3c2d");
    }

    @Test
    void otherEventsCarryNoActivity() throws Exception {
        assertThat(change(InstantlyPayloads.of("email_sent")).activities()).isEmpty();
        assertThat(change(InstantlyPayloads.of("lead_interested")).activities()).isEmpty();
    }

    @Test
    void aBookedMeetingCarriesOneTaskKeyedByTheStoredEvent() throws Exception {
        Activity first = change(InstantlyPayloads.of("lead_meeting_booked")).activities().get(0);
        Activity again = change(InstantlyPayloads.of("lead_meeting_booked")).activities().get(0);

        assertThat(first.kind()).isEqualTo("task");
        assertThat(first.key()).startsWith("instantly-meeting:").isEqualTo(again.key());
        assertThat(first.subject()).startsWith("Meeting booked");
    }

    @Test
    void noteNeverShowsTheReplyWhenPrinted() throws Exception {
        Activity note = note(InstantlyPayloads.of("reply_received"));

        assertThat(note.toString()).doesNotContain("Thursday").doesNotContain("ann.lee");
    }
}
