package dev.crmsync.testkit.salesforce;

/**
 * A whole-call failure, answered as a SOAP fault with HTTP 500, as the partner API does.
 *
 * @param faultType the fault element of the partner WSDL, e.g. {@code UnexpectedErrorFault}, {@code InvalidFieldFault}
 */
final class SoapFault extends RuntimeException {
    private final String exceptionCode;
    private final String faultType;

    SoapFault(String exceptionCode, String message, String faultType) {
        super(message);
        this.exceptionCode = exceptionCode;
        this.faultType = faultType;
    }

    static SoapFault unexpected(String code, String message) {
        return new SoapFault(code, message, "UnexpectedErrorFault");
    }

    static SoapFault invalidField(String message) {
        return new SoapFault("INVALID_FIELD", message, "InvalidFieldFault");
    }

    static SoapFault malformedQuery(String message) {
        return new SoapFault("MALFORMED_QUERY", message, "MalformedQueryFault");
    }

    static SoapFault invalidType(String type) {
        return new SoapFault("INVALID_TYPE", "sObject type '" + type + "' is not supported.", "InvalidSObjectFault");
    }

    String exceptionCode() {
        return exceptionCode;
    }

    String faultType() {
        return faultType;
    }
}
