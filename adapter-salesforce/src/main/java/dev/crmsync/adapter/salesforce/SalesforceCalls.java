package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import java.time.Clock;
import java.util.concurrent.Semaphore;

/**
 * Runs partner-API calls over the OAuth session. Each call gets its own {@link PartnerConnection} (force-wsc
 * connections keep headers as state, so they are not shared between threads), built without the SOAP
 * {@code login()}: the access token is the session id, the instance URL plus {@code /services/Soap/u/64.0}
 * the endpoint, and {@code CallOptions} names our client. Before a call: the concurrency cap and the API
 * budget; after it: the answer's limit info. An {@code INVALID_SESSION_ID} fault refreshes the session once
 * and repeats the call. Thread-safe.
 */
final class SalesforceCalls {
    private final SalesforceTokenProvider tokens;
    private final SalesforceApiBudget budget;
    private final Semaphore inFlight;
    private final String clientName;
    private final int timeoutMillis;
    private final Clock clock;

    @FunctionalInterface
    interface PartnerCall<T> {
        T apply(PartnerConnection connection) throws ConnectionException;
    }

    SalesforceCalls(SalesforceTokenProvider tokens, SalesforceApiBudget budget, int maxConcurrent, String clientName,
                    Clock clock) {
        this.tokens = tokens;
        this.budget = budget;
        this.inFlight = new Semaphore(maxConcurrent, true);
        this.clientName = clientName;
        this.timeoutMillis = (int) tokens.timeout().toMillis();
        this.clock = clock;
    }

    /** The integration user's id, from the session (null when the token response did not name it). */
    String integrationUserId() {
        return tokens.session().userId();
    }

    /**
     * @param operation names the call in errors and the log, e.g. {@code upsert Task}
     * @param log       where the call is recorded; may be null
     * @throws AdapterException classified by {@link SalesforceErrorClassifier} or {@link SalesforceApiBudget}
     */
    <T> T call(String operation, int items, CallLog log, PartnerCall<T> call) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientAdapterException("Salesforce " + operation + ": interrupted", 0, null, e);
        }
        try {
            SalesforceSession session = tokens.session();
            try {
                return attempt(operation, items, log, call, session);
            } catch (ApiFault fault) {
                if (fault.getExceptionCode() != ExceptionCode.INVALID_SESSION_ID) {
                    throw classify(operation, fault);
                }
                SalesforceSession fresh = tokens.refresh(session);
                try {
                    return attempt(operation, items, log, call, fresh);
                } catch (ApiFault again) {
                    throw classify(operation, again);
                }
            }
        } finally {
            inFlight.release();
        }
    }

    private <T> T attempt(String operation, int items, CallLog log, PartnerCall<T> call, SalesforceSession session)
            throws ApiFault {
        budget.beforeCall(operation);
        long start = clock.millis();
        PartnerConnection connection = connect(session);
        try {
            T result = call.apply(connection);
            record(log, operation, 200, items, start);
            observeLimits(connection.getLimitInfoHeader());
            return result;
        } catch (ApiFault fault) {
            record(log, operation, SalesforceErrorClassifier.SOAP_FAULT_STATUS, items, start);
            throw fault;
        } catch (ConnectionException e) {
            record(log, operation, 0, items, start);
            throw SalesforceErrorClassifier.noAnswer(operation, e);
        }
    }

    private AdapterException classify(String operation, ApiFault fault) {
        if (fault.getExceptionCode() == ExceptionCode.REQUEST_LIMIT_EXCEEDED) {
            return budget.limitExceeded(operation, fault.getExceptionMessage(), fault);
        }
        return SalesforceErrorClassifier.fault(operation, fault);
    }

    private PartnerConnection connect(SalesforceSession session) {
        ConnectorConfig config = new ConnectorConfig();
        config.setManualLogin(true);
        config.setSessionId(session.accessToken().reveal());
        config.setServiceEndpoint(session.soapEndpoint());
        config.setConnectionTimeout(timeoutMillis);
        config.setReadTimeout(timeoutMillis);
        try {
            PartnerConnection connection = new PartnerConnection(config);
            connection.setCallOptions(clientName, null);
            return connection;
        } catch (ConnectionException e) {
            throw SalesforceErrorClassifier.noAnswer("connect", e);
        }
    }

    private void observeLimits(LimitInfoHeader_element header) {
        if (header == null || header.getLimitInfo() == null) {
            return;
        }
        for (LimitInfo info : header.getLimitInfo()) {
            if ("API REQUESTS".equals(info.getType())) {
                budget.observe(info.getCurrent(), info.getLimit());
            }
        }
    }

    private void record(CallLog log, String operation, int status, int items, long start) {
        if (log != null) {
            log.add(operation, status, items, clock.millis() - start);
        }
    }
}
