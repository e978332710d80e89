package dev.crmsync.bench;

/** The Instantly webhook body the benchmarks send and store: the shape the load generator posts. */
final class Payloads {
    private Payloads() {
    }

    static String emailOpened(String run, long n) {
        return "{\"timestamp\":\"2026-11-24T00:00:00Z\",\"event_type\":\"email_opened\","
                + "\"workspace\":\"ws-load\",\"campaign_id\":\"camp-load\",\"campaign_name\":\"Load\","
                + "\"lead_email\":\"load" + (n % 50_000) + "@bench.example\",\"email_account\":\"sdr@sender.example\","
                + "\"step\":" + (n % 5 + 1) + ",\"email_id\":\"" + run + "-" + n + "\",\"open_count\":1}";
    }
}
