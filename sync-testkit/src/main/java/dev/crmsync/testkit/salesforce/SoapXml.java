package dev.crmsync.testkit.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes partner-API SOAP envelopes: text escaping, date-times, the envelope with its headers, and faults. */
final class SoapXml {
    static final String ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String PARTNER = "urn:partner.soap.sforce.com";
    static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";
    static final String FAULT = "urn:fault.partner.soap.sforce.com";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SoapXml() {
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String element(String name, String text) {
        return text == null ? "<" + name + " xsi:nil=\"true\"/>" : "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    /** A response envelope carrying the {@code LimitInfoHeader} and {@code body} (the operation's response element). */
    static String envelope(ApiUsage.Snapshot usage, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + ENV
                + "\" xmlns=\"" + PARTNER + "\" xmlns:xsi=\"" + XSI + "\" xmlns:sf=\"" + SOBJECT + "\">"
                + "<soapenv:Header><LimitInfoHeader><limitInfo><current>" + usage.used() + "</current><limit>"
                + usage.limit() + "</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    static String fault(SoapFault fault) {
        String message = fault.getMessage();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + ENV
                + "\" xmlns:sf=\"" + FAULT + "\" xmlns:xsi=\"" + XSI + "\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:" + fault.exceptionCode() + "</faultcode>"
                + "<faultstring>" + escape(fault.exceptionCode() + ": " + message) + "</faultstring>"
                + "<detail><sf:" + fault.faultType() + " xsi:type=\"sf:" + fault.faultType() + "\">"
                + "<sf:exceptionCode>" + fault.exceptionCode() + "</sf:exceptionCode>"
                + "<sf:exceptionMessage>" + escape(message) + "</sf:exceptionMessage>"
                + (fault.faultType().equals("UnexpectedErrorFault") ? "" : "<sf:row>1</sf:row><sf:column>1</sf:column>")
                + "</sf:" + fault.faultType() + "></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    static String record(SimRecord record, Iterable<String> fields) {
        StringBuilder out = new StringBuilder("<records xsi:type=\"sf:sObject\"><sf:type>").append(record.type())
                .append("</sf:type>");
        // The partner API always sends the Id (null when not selected) before the selected fields.
        out.append("<sf:Id>").append(record.id()).append("</sf:Id>");
        for (String field : fields) {
            out.append(element("sf:" + field, record.get(field)));
        }
        return out.append("</records>").toString();
    }
}
