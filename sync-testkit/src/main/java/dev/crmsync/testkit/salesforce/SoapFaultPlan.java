package dev.crmsync.testkit.salesforce;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Faults a test asked for: the next calls (of one operation, or any) answer a SOAP fault with this exception code. */
final class SoapFaultPlan {
    /** Planned as a code: {@code REQUEST_LIMIT_EXCEEDED} with the concurrent long-running request message. */
    static final String CONCURRENT_LIMIT = "CONCURRENT_LIMIT";
    private final List<Planned> planned = new ArrayList<>();

    private static final class Planned {
        final String operation;
        final String code;
        int remaining;

        Planned(String operation, String code, int remaining) {
            this.operation = operation;
            this.code = code;
            this.remaining = remaining;
        }
    }

    synchronized void failNext(String operationOrNull, int count, String exceptionCode) {
        planned.add(new Planned(operationOrNull, exceptionCode, count));
    }

    synchronized Optional<String> take(String operation) {
        for (Iterator<Planned> it = planned.iterator(); it.hasNext(); ) {
            Planned p = it.next();
            if (p.operation == null || p.operation.equals(operation)) {
                if (--p.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(p.code);
            }
        }
        return Optional.empty();
    }
}
