package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import java.net.SocketTimeoutException;
import java.util.Set;

/**
 * What a failed partner-API call means for the engine. SOAP faults arrive with HTTP 500 and an exception code:
 * server trouble and timeouts are transient; access problems (a session still refused after one refresh,
 * missing permissions, API disabled) are config; the rest (invalid field, malformed query) permanent. A call
 * that got no SOAP answer is transient: its effect is unknown. {@code REQUEST_LIMIT_EXCEEDED} is handled by
 * {@link SalesforceApiBudget}. Per-record errors are transient only for {@code UNABLE_TO_LOCK_ROW}.
 */
final class SalesforceErrorClassifier {
    static final int SOAP_FAULT_STATUS = 500;
    private static final Set<String> TRANSIENT = Set.of("SERVER_UNAVAILABLE", "UNKNOWN_EXCEPTION", "QUERY_TIMEOUT",
            "INVALID_QUERY_LOCATOR", "UNABLE_TO_LOCK_ROW", "OPERATION_TOO_LARGE");
    private static final Set<String> CONFIG = Set.of("INVALID_SESSION_ID", "INSUFFICIENT_ACCESS",
            "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED", "INVALID_LOGIN", "ORG_LOCKED", "PASSWORD_LOCKOUT",
            "INVALID_OPERATION_WITH_EXPIRED_PASSWORD", "NO_SOFTPHONE_LAYOUT", "INSUFFICIENT_ACCESS_OR_READONLY");

    private SalesforceErrorClassifier() {
    }

    static AdapterException fault(String operation, ApiFault fault) {
        String code = String.valueOf(fault.getExceptionCode());
        String found = "Salesforce " + operation + ": expected an answer, found fault " + code + " ("
                + fault.getExceptionMessage() + ")";
        if (TRANSIENT.contains(code)) {
            return new TransientAdapterException(found, SOAP_FAULT_STATUS, null, fault);
        }
        if (CONFIG.contains(code)) {
            return new AdapterConfigException(found + "; check the integration user's access and the connected app",
                    SOAP_FAULT_STATUS, fault);
        }
        return new PermanentAdapterException(found, SOAP_FAULT_STATUS, fault);
    }

    static TransientAdapterException noAnswer(String operation, ConnectionException e) {
        String what = e.getCause() instanceof SocketTimeoutException ? "no answer in time (the call may still "
                + "have been applied)" : "no SOAP answer (" + e.getClass().getSimpleName()
                + (e.getCause() == null ? "" : ": " + e.getCause().getClass().getSimpleName()) + ")";
        return new TransientAdapterException("Salesforce " + operation + ": expected an answer, found " + what, 0,
                null, e);
    }

    /** One record's error in a SaveResult or UpsertResult; the rest of its batch stands. */
    static AdapterException recordError(String operation, com.sforce.soap.partner.IError[] errors) {
        com.sforce.soap.partner.IError first = errors[0];
        String code = String.valueOf(first.getStatusCode());
        String found = "Salesforce " + operation + ": expected success, found " + code + ": " + first.getMessage()
                + (first.getFields() == null || first.getFields().length == 0 ? ""
                : " (fields " + String.join(", ", first.getFields()) + ")");
        if (TRANSIENT.contains(code)) {
            return new TransientAdapterException(found, 0);
        }
        return new PermanentAdapterException(found, 0);
    }
}
