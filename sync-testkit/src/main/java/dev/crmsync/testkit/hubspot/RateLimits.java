package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HubSpot's budgets: a rolling ten-second window and a daily count for API calls, the daily one starting
 * again at midnight in the account's time zone, and a separate per-second window for CRM search. Thread-safe.
 */
final class RateLimits {
    static final long DEFAULT_INTERVAL_MILLIS = 10_000;
    static final int SEARCH_PER_SECOND = 5;

    /** Why a request was or was not admitted; the name of a refusal is the 429 body's {@code policyName}. */
    enum Verdict { ADMITTED, TEN_SECONDLY_ROLLING, DAILY, SECONDLY }

    private final Deque<Long> calls = new ArrayDeque<>();
    private final Deque<Long> searches = new ArrayDeque<>();
    private int busiestWindow;
    private int perTenSeconds;
    private long intervalMillis = DEFAULT_INTERVAL_MILLIS;
    private int perDay;
    private int usedToday;
    private final Clock clock;
    private ZoneId zone;
    private LocalDate day;

    RateLimits(int perTenSeconds, int perDay, Clock clock, ZoneId zone) {
        this.perTenSeconds = perTenSeconds;
        this.perDay = perDay;
        this.clock = clock;
        this.zone = zone;
    }

    synchronized Verdict admit(boolean search) {
        long now = System.nanoTime();
        if (search) {
            prune(searches, now, 1_000);
            if (searches.size() >= SEARCH_PER_SECOND) {
                return Verdict.SECONDLY;
            }
            searches.addLast(now);
            return Verdict.ADMITTED;
        }
        prune(calls, now, intervalMillis);
        startDayIfNew();
        if (usedToday >= perDay) {
            return Verdict.DAILY;
        }
        if (calls.size() >= perTenSeconds) {
            return Verdict.TEN_SECONDLY_ROLLING;
        }
        calls.addLast(now);
        busiestWindow = Math.max(busiestWindow, calls.size());
        usedToday++;
        return Verdict.ADMITTED;
    }

    /** The most calls the rolling window held at any admission since the last time this was asked. */
    synchronized int takeBusiestWindow() {
        int busiest = busiestWindow;
        busiestWindow = 0;
        return busiest;
    }

    /** The {@code X-HubSpot-RateLimit-*} headers as they stand after the current request. */
    synchronized Map<String, String> headers() {
        long now = System.nanoTime();
        prune(calls, now, intervalMillis);
        startDayIfNew();
        int secondly = Math.max(1, perTenSeconds / 10);
        long lastSecond = calls.stream().filter(t -> now - t < 1_000_000_000L).count();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-HubSpot-RateLimit-Daily", String.valueOf(perDay));
        headers.put("X-HubSpot-RateLimit-Daily-Remaining", String.valueOf(Math.max(0, perDay - usedToday)));
        headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(intervalMillis));
        headers.put("X-HubSpot-RateLimit-Max", String.valueOf(perTenSeconds));
        headers.put("X-HubSpot-RateLimit-Remaining", String.valueOf(Math.max(0, perTenSeconds - calls.size())));
        headers.put("X-HubSpot-RateLimit-Secondly", String.valueOf(secondly));
        headers.put("X-HubSpot-RateLimit-Secondly-Remaining", String.valueOf(Math.max(0, secondly - lastSecond)));
        return headers;
    }

    synchronized void setPerTenSeconds(int perTenSeconds) {
        this.perTenSeconds = perTenSeconds;
        this.intervalMillis = DEFAULT_INTERVAL_MILLIS;
    }

    /** A rolling window of another length than HubSpot's ten seconds, so tests of pacing run quickly. */
    synchronized void setWindow(int max, long intervalMillis) {
        this.perTenSeconds = max;
        this.intervalMillis = intervalMillis;
    }

    synchronized void setPerDay(int perDay) {
        this.perDay = perDay;
    }

    synchronized void setZone(ZoneId zone) {
        this.zone = zone;
    }

    synchronized ZoneId zone() {
        return zone;
    }

    synchronized void reset(int perTenSeconds, int perDay, ZoneId zone) {
        this.zone = zone;
        day = null;
        intervalMillis = DEFAULT_INTERVAL_MILLIS;
        calls.clear();
        searches.clear();
        usedToday = 0;
        this.perTenSeconds = perTenSeconds;
        this.perDay = perDay;
    }

    private void startDayIfNew() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (!today.equals(day)) {
            day = today;
            usedToday = 0;
        }
    }

    private static void prune(Deque<Long> window, long now, long millis) {
        while (!window.isEmpty() && now - window.peekFirst() >= millis * 1_000_000L) {
            window.removeFirst();
        }
    }
}
