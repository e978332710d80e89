package dev.crmsync.service.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one job run, as the admin API and the command line take them, validated.
 *
 * @param dryRun      report what would change, change nothing (reconcile: true unless {@code fix})
 * @param campaignIds Instantly campaigns to page (empty: all leads)
 * @param since       only records changed at or after this instant (crm-to-instantly), or dead letters
 *                    created at or after it; null for all
 * @param until       dead letters created before this instant; null for no bound
 * @param target      one target system (dead-letter replay filter; backfill: plan only for it); null for all
 * @param errorKind   dead-letter error kind filter; null for any
 * @param emails      reconcile these people (empty: everyone with a linked identity)
 */
public record JobRequest(boolean dryRun, List<String> campaignIds, Instant since, Instant until, String target,
                         String errorKind, List<String> emails) {

    static final Set<String> KNOWN = Set.of("dryRun", "campaignIds", "since", "until", "from", "to", "target",
            "errorKind", "emails", "fix");

    public JobRequest {
        campaignIds = List.copyOf(campaignIds);
        emails = emails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Reads the JSON object of a {@code POST /admin/jobs/{name}}. Dates are ISO instants
     * ({@code 2026-11-01T00:00:00Z}) or days ({@code 2026-11-01}, midnight UTC); {@code from}/{@code to}
     * are accepted for {@code since}/{@code until}.
     *
     * @throws IllegalArgumentException naming the bad parameter
     */
    public static JobRequest fromJson(String jobName, Map<String, Object> body) {
        for (String key : body.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "'; known: " + KNOWN);
            }
        }
        boolean reconcile = JobNames.RECONCILE.equals(jobName);
        boolean fix = bool(body, "fix", false);
        boolean dryRun = reconcile ? !fix : bool(body, "dryRun", false);
        Object since = body.containsKey("since") ? body.get("since") : body.get("from");
        Object until = body.containsKey("until") ? body.get("until") : body.get("to");
        return new JobRequest(dryRun, strings(body, "campaignIds"), instant("since", since), instant("until", until),
                text(body, "target"), text(body, "errorKind"), strings(body, "emails"));
    }

    /** As Spring Batch parameters; {@code requestId} makes each request its own job instance. */
    JobParameters toJobParameters(long requestId) {
        JobParametersBuilder b = new JobParametersBuilder();
        b.addLong("requestId", requestId);
        b.addString("dryRun", Boolean.toString(dryRun));
        b.addString("campaignIds", String.join(",", campaignIds));
        b.addString("emails", String.join(",", emails));
        b.addString("since", since == null ? "" : since.toString());
        b.addString("until", until == null ? "" : until.toString());
        b.addString("target", target == null ? "" : target);
        b.addString("errorKind", errorKind == null ? "" : errorKind);
        return b.toJobParameters();
    }

    /** Reads back what {@link #toJobParameters} wrote. */
    static JobRequest fromJobParameters(JobParameters p) {
        return new JobRequest(Boolean.parseBoolean(p.getString("dryRun")), split(p.getString("campaignIds")),
                parseOrNull(p.getString("since")), parseOrNull(p.getString("until")), blankToNull(p.getString("target")),
                blankToNull(p.getString("errorKind")), split(p.getString("emails")));
    }

    /** The parameters as the admin API shows them. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dryRun", dryRun);
        if (!campaignIds.isEmpty()) {
            out.put("campaignIds", campaignIds);
        }
        if (since != null) {
            out.put("since", since.toString());
        }
        if (until != null) {
            out.put("until", until.toString());
        }
        if (target != null) {
            out.put("target", target);
        }
        if (errorKind != null) {
            out.put("errorKind", errorKind);
        }
        if (!emails.isEmpty()) {
            out.put("emails", emails.size());
        }
        return out;
    }

    private static boolean bool(Map<String, Object> body, String key, boolean otherwise) {
        Object value = body.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false, found " + value);
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' must be a string, found " + value);
        }
        return s.trim();
    }

    private static List<String> strings(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return split(s);
        }
        if (value instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object item : c) {
                if (!(item instanceof String s) || s.isBlank()) {
                    throw new IllegalArgumentException("'" + key + "' must be a list of non-empty strings, found " + item);
                }
                if (s.contains(",")) {
                    throw new IllegalArgumentException("'" + key + "' entries cannot contain a comma: '" + s + "'");
                }
                out.add(s.trim());
            }
            return out;
        }
        throw new IllegalArgumentException("'" + key + "' must be a list of strings, found " + value);
    }

    private static Instant instant(String key, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            return parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z "
                    + "or a day such as 2026-11-01; found '" + value + "'");
        }
    }

    private static Instant parse(String value) {
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(value);
    }

    private static Instant parseOrNull(String value) {
        return value == null || value.isBlank() ? null : parse(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
