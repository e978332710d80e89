package dev.crmsync.service.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * One terminal line showing a job execution's progress, rewritten in place with a carriage return:
 * a bar when the total is known, read/written/skipped, rate and time left.
 */
final class ProgressLine {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private int lastLength;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    /** Rewrites the line from an execution as the admin API shows it. */
    void show(Map<String, Object> execution) {
        String line = render(execution);
        int pad = Math.max(0, lastLength - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastLength = line.length();
    }

    /** Ends the line and prints the outcome. */
    void finish(Map<String, Object> execution) {
        show(execution);
        out.println();
        out.println("execution " + execution.get("executionId") + " " + execution.get("status")
                + (execution.get("exitMessage") == null ? "" : ": " + execution.get("exitMessage")));
    }

    static String render(Map<String, Object> e) {
        long read = number(e.get("readCount"));
        StringBuilder line = new StringBuilder();
        Object total = e.get("total");
        if (total != null && number(total) > 0) {
            long t = number(total);
            int filled = (int) Math.min(WIDTH, WIDTH * read / t);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(Math.min(100, 100 * read / t)).append("% ");
        }
        line.append(e.get("jobName")).append(' ').append(e.get("status"))
                .append(" | read ").append(read)
                .append(" written ").append(number(e.get("writeCount")))
                .append(" skipped ").append(number(e.get("skipCount")))
                .append(" | ").append(e.getOrDefault("ratePerSecond", 0)).append("/s");
        Object eta = e.get("etaSeconds");
        if (eta != null) {
            long s = number(eta);
            line.append(" | ETA ").append(s / 3600 > 0 ? s / 3600 + "h" : "").append(String.format("%d:%02d",
                    (s % 3600) / 60, s % 60));
        }
        return line.toString();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
