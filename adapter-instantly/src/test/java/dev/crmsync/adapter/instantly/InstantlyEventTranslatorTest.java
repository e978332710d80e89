package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Translation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every event type of Instantly's catalog, from a realistic payload, through parse and translate as the host runs them. */
class InstantlyEventTranslatorTest {
    private final InstantlyEventTranslator translator = new InstantlyEventTranslator();

    private Translation storeAndTranslate(byte[] body) throws Exception {
        ParsedEvent stored = translator.parse(body).get(0);
        return translator.translate(stored.eventType(), stored.payload());
    }

    private CanonicalChange onlyChange(byte[] body) throws Exception {
        Translation translation = storeAndTranslate(body);
        assertThat(translation).isInstanceOf(Translation.Translated.class);
        List<CanonicalChange> changes = ((Translation.Translated) translation).changes();
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    @ParameterizedTest(name = "{0} becomes one {1} change for {2}")
    @CsvSource({
            "email_sent,             email_sent,             ann.lee@northwind.example, 2026-01-26T09:02:14.518Z",
            "email_opened,           email_opened,           ann.lee@northwind.example, 2026-01-26T11:47:03.201Z",
            "link_clicked,           email_link_clicked,     ann.lee@northwind.example, 2026-01-26T11:48:40.019Z",
            "reply_received,         reply_received,         ann.lee@northwind.example, 2026-01-28T14:32:11.042Z",
            "auto_reply_received,    auto_reply_received,    ben.ortiz@contoso.example, 2026-01-27T08:15:55.730Z",
            "email_bounced,          email_bounced,          c.zhang@fabrikam.example,  2026-01-26T09:02:49.113Z",
            "lead_unsubscribed,      lead_unsubscribed,      ann.lee@northwind.example, 2026-01-29T16:20:37.404Z",
            "lead_interested,        lead_interested,        ann.lee@northwind.example, 2026-01-28T15:05:12.880Z",
            "lead_not_interested,    lead_not_interested,    ann.lee@northwind.example, 2026-01-30T10:11:45.317Z",
            "lead_neutral,           lead_neutral,           ann.lee@northwind.example, 2026-01-30T10:12:01.046Z",
            "lead_meeting_booked,    lead_meeting_booked,    ann.lee@northwind.example, 2026-01-29T09:30:00Z",
            "lead_meeting_completed, lead_meeting_completed, ann.lee@northwind.example, 2026-02-05T10:45:22.590Z",
            "lead_closed,            lead_closed,            ann.lee@northwind.example, 2026-02-20T17:02:33.100Z",
            "lead_out_of_office,     lead_out_of_office,     ann.lee@northwind.example, 2026-01-27T08:16:03.004Z",
            "lead_wrong_person,      lead_wrong_person,      ann.lee@northwind.example, 2026-01-31T13:27:48.775Z",
            "lead_status_changed,    lead_status_changed,    ann.lee@northwind.example, 2026-01-29T09:30:04.212Z",
            "custom_label,           Demo Requested,         ann.lee@northwind.example, 2026-01-28T15:06:40.333Z"})
    void leadEventBecomesOneChangeForTheLead(String payload, String eventType, String email, String observedAt)
            throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.of(payload));

        assertThat(change.source()).isEqualTo(SystemId.of("instantly"));
        assertThat(change.who().email()).isEqualTo(email);
        assertThat(change.eventType()).isEqualTo(eventType);
        assertThat(change.observedAt()).isEqualTo(observedAt);
        assertThat(change.attributes()).containsEntry("campaign_id", "019b7d10-5e2a-7f43-8c1d-2a6e9b4f7c30")
                .containsEntry("campaign_name", "Q1 SaaS Outreach")
                .containsEntry("workspace", "019a3f2e-7c41-7d2b-9e55-4b8a1f0c6d21");
    }

    @ParameterizedTest(name = "{0} without a lead changes nobody")
    @CsvSource({"account_error", "campaign_completed"})
    void accountLevelEventWithoutLeadTranslatesToNoChange(String payload) throws Exception {
        Translation translation = storeAndTranslate(InstantlyPayloads.of(payload));

        assertThat(translation).isEqualTo(Translation.of(List.of()));
    }

    @Test
    void campaignCompletedForALeadIsAChangeForThatLead() throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.with("campaign_completed",
                Map.of("lead_email", "ann.lee@northwind.example")));

        assertThat(change.eventType()).isEqualTo("campaign_completed");
    }

    @Test
    void leadEventWithoutLeadIsUnrecognizedWithTheReason() throws Exception {
        Translation translation = storeAndTranslate(InstantlyPayloads.without("lead_interested", "lead_email"));

        assertThat(translation).isEqualTo(
                Translation.unrecognized("'lead_interested' names no lead: 'lead_email' is missing or empty"));
    }

    @ParameterizedTest(name = "{0} carries bounce_type {1}")
    @CsvSource({"email_bounced, hard", "email_bounced_soft, soft"})
    void bounceCarriesItsType(String payload, String bounceType) throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.of(payload));

        assertThat(change.attributes()).containsEntry("bounce_type", bounceType);
    }

    @Test
    void bounceTypeIsMatchedLowerCase() throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.with("email_bounced", Map.of("bounce_type", " Hard")));

        assertThat(change.attributes()).containsEntry("bounce_type", "hard");
    }

    @Test
    void statusChangeCarriesTheInterestValue() throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.of("lead_status_changed"));

        assertThat(change.attributes()).containsEntry("interest_value", "2");
    }

    @Test
    void replyCarriesEveryAttributeTheMappingMayMatch() throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.of("reply_received"));

        assertThat(change.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "campaign_id", "019b7d10-5e2a-7f43-8c1d-2a6e9b4f7c30",
                "campaign_name", "Q1 SaaS Outreach",
                "workspace", "019a3f2e-7c41-7d2b-9e55-4b8a1f0c6d21",
                "step", "2",
                "variant", "1",
                "is_first", "true",
                "email_account", "maria@outreach.acme-mail.example",
                "unibox_url", "https://app.instantly.ai/app/unibox?thread_id=019c0b7e-6a15-7e8f-b3c2-0d4e5f6a7b8c",
                "email_id", "019c0b7e-6a15-7e8f-b3c2-0d4e5f6a7b8c"));
    }

    @Test
    void customVariablesAndLeadDataBecomeFields() throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.of("custom_label"));

        assertThat(change.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "custom.icp_tier", "A",
                "custom.seats", "40",
                "lead.first_name", "Ann",
                "lead.last_name", "Lee",
                "lead.company_name", "Northwind Traders",
                "lead.website", "northwind.example"));
    }

    @Test
    void deliveryRetryFieldsAreNotLeadData() throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.with("lead_interested",
                Map.of("retry_count", 1, "will_retry", true, "retry_group_id", "019c0b7f-1111-7abc-8def-123456789abc")));

        assertThat(change.fields()).doesNotContainKeys("lead.retry_count", "lead.will_retry", "lead.retry_group_id");
        assertThat(change.attributes()).doesNotContainKeys("retry_count", "will_retry", "retry_group_id");
    }

    @Test
    void normalisesTheLeadEmail() throws Exception {
        CanonicalChange change = onlyChange(InstantlyPayloads.with("lead_interested", Map.of("lead_email", " Ann@X.io ")));

        assertThat(change.who().email()).isEqualTo("ann@x.io");
    }

    @Test
    void aliasStoredAsSentStillTranslatesToItsCatalogName() {
        Translation translation = translator.translate("link_clicked", InstantlyPayloads.of("link_clicked"));

        assertThat(((Translation.Translated) translation).changes().get(0).eventType()).isEqualTo("email_link_clicked");
    }

    @Test
    void unreadableStoredPayloadIsUnrecognizedNotThrown() {
        Translation translation = translator.translate("reply_received", InstantlyPayloads.text("not json"));

        assertThat(translation).isInstanceOf(Translation.Unrecognized.class);
        assertThat(((Translation.Unrecognized) translation).reason()).startsWith("stored payload is unreadable: ");
    }

    @Test
    void changesNeverShowTheEmailOrReplyTextWhenPrinted() throws Exception {
        Translation translation = storeAndTranslate(InstantlyPayloads.of("reply_received"));

        assertThat(translation.toString()).doesNotContain("ann.lee").doesNotContain("northwind")
                .doesNotContain("Thursday").doesNotContain("Northwind");
    }
}
