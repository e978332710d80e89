package dev.crmsync.testkit.salesforce;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One parsed partner-API request: the session id and {@code CallOptions} client from the SOAP header, the
 * operation (the body's first element) and its arguments.
 */
final class SoapRequest {
    private final Element header;
    private final Element operation;

    private SoapRequest(Element header, Element operation) {
        this.header = header;
        this.operation = operation;
    }

    static SoapRequest parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element envelope = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            Element header = child(envelope, "Header").orElse(null);
            Element soapBody = child(envelope, "Body")
                    .orElseThrow(() -> SoapFault.unexpected("INVALID_SOAP_HEADER", "no SOAP Body"));
            Element operation = children(soapBody).stream().findFirst()
                    .orElseThrow(() -> SoapFault.unexpected("UNKNOWN_EXCEPTION", "empty SOAP Body"));
            return new SoapRequest(header, operation);
        } catch (SoapFault e) {
            throw e;
        } catch (Exception e) {
            throw SoapFault.unexpected("UNKNOWN_EXCEPTION", "could not parse the SOAP request: " + e.getMessage());
        }
    }

    String operation() {
        return operation.getLocalName();
    }

    Optional<String> sessionId() {
        return headerValue("SessionHeader", "sessionId");
    }

    Optional<String> callOptionsClient() {
        return headerValue("CallOptions", "client");
    }

    Optional<String> queryBatchSize() {
        return headerValue("QueryOptions", "batchSize");
    }

    /** The text of the operation's argument {@code name}, e.g. {@code queryString}. */
    String argument(String name) {
        return child(operation, name).map(Node::getTextContent)
                .orElseThrow(() -> SoapFault.unexpected("MISSING_ARGUMENT", name + " not specified"));
    }

    /** The {@code sObjects} arguments, each as its type and its field values (fieldsToNull as null values). */
    List<SObjectInput> sObjects() {
        List<SObjectInput> inputs = new ArrayList<>();
        for (Element sObject : children(operation)) {
            if (!sObject.getLocalName().equals("sObjects")) {
                continue;
            }
            String type = null;
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element field : children(sObject)) {
                String name = field.getLocalName();
                if (name.equals("type")) {
                    type = field.getTextContent();
                } else if (name.equals("fieldsToNull")) {
                    fields.put(field.getTextContent(), null);
                } else if (!"true".equals(field.getAttributeNS(SoapXml.XSI, "nil"))) {
                    fields.put(name, field.getTextContent());
                }
            }
            inputs.add(new SObjectInput(type, fields));
        }
        return inputs;
    }

    record SObjectInput(String type, Map<String, String> fields) {
    }

    private Optional<String> headerValue(String block, String name) {
        return Optional.ofNullable(header).flatMap(h -> child(h, block)).flatMap(b -> child(b, name))
                .filter(e -> !"true".equals(e.getAttributeNS(SoapXml.XSI, "nil"))).map(Node::getTextContent);
    }

    private static Optional<Element> child(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst();
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
