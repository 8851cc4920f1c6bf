package vn.lienthong.hub.api.soap;

import javax.xml.namespace.QName;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.FaultOutInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.lienthong.hub.api.ErrorResponses;
import vn.lienthong.hub.api.StrictUtf8;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;

/**
 * Gives every SOAP fault the hub's {@code HubFault} detail (code, status, title, detail, transaction id) and the SOAP 1.1
 * fault code that fits it ({@code Client} for the caller's errors, {@code Server} for the hub's or a national system's).
 * Faults the endpoints raise already carry the detail; faults CXF raises before an endpoint runs (unreadable XML, an
 * unknown operation) get {@code MALFORMED_REQUEST}, so a caller never receives a fault without a code.
 */
class SoapFaultDetails extends AbstractSoapInterceptor {

    private static final String COMMON_NS = ErrorResponses.COMMON_NS;

    SoapFaultDetails() {
        super(Phase.PRE_PROTOCOL);
        addAfter(FaultOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        Element detail = fault.getDetail();
        Element hubFault = detail == null ? null : firstChild(detail, "HubFault");
        ErrorCode code;
        if (hubFault != null) {
            code = ErrorCode.valueOf(text(hubFault, "code"));
        } else {
            // CXF's own words name Java methods and types: the caller gets the hub's.
            code = causedBy(fault, "PayloadTooLargeException") ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.MALFORMED_REQUEST;
            fault.setMessage(safeText(fault));
            ExchangeContext context = context(message);
            context.failed(code, fault.getMessage());
            Document document = fault.getOrCreateDetail().getOwnerDocument();
            Element element = document.createElementNS(COMMON_NS, "c:HubFault");
            append(element, "code", code.name());
            append(element, "status", String.valueOf(code.status()));
            append(element, "title", code.title());
            append(element, "detail", fault.getMessage());
            append(element, "transactionId", context.transactionId());
            fault.getDetail().appendChild(element);
        }
        Long retryAfter = context(message).retryAfterSeconds();
        if (retryAfter != null) {
            // 429 and an open circuit tell SOAP callers when to try again, as they tell REST callers
            HttpServletResponse response = (HttpServletResponse) message.getExchange().getInMessage()
                    .get(AbstractHTTPDestination.HTTP_RESPONSE);
            response.setHeader("Retry-After", Long.toString(retryAfter));
        }
        QName faultCode = new QName(Soap11.SOAP_NAMESPACE, code.status() < 500 ? "Client" : "Server");
        if (fault instanceof SoapFault soapFault) {
            soapFault.setFaultCode(faultCode);
        } else {
            fault.setFaultCode(faultCode);
        }
    }

    /** The detail a caller gets for a fault CXF raised: what was wrong, in the contract's terms. */
    static String safeText(Fault fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8.InvalidUtf8Exception || t.getClass().getSimpleName().equals("PayloadTooLargeException")) {
                return t.getMessage();
            }
            String text = t.getMessage();
            int own = text == null ? -1 : text.indexOf(StrictUtf8.MESSAGE);
            if (own >= 0) {
                // the edge's own words, carried inside a parser's message
                return text.substring(own).lines().findFirst().orElse(StrictUtf8.MESSAGE);
            }
        }
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof javax.xml.stream.XMLStreamException) {
                return "the body is not well-formed XML of this service (a DOCTYPE or entity is refused)";
            }
        }
        return "the SOAP body is not a request this service's WSDL describes: send one of its operations' elements";
    }

    private static boolean causedBy(Throwable failure, String simpleName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    private static ExchangeContext context(SoapMessage message) {
        HttpServletRequest request = (HttpServletRequest) message.getExchange().getInMessage()
                .get(AbstractHTTPDestination.HTTP_REQUEST);
        return ExchangeContext.of(request);
    }

    private static void append(Element parent, String name, String value) {
        Element child = parent.getOwnerDocument().createElementNS(COMMON_NS, "c:" + name);
        child.setTextContent(value == null ? "" : value);
        parent.appendChild(child);
    }

    private static Element firstChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String localName) {
        Element child = firstChild(parent, localName);
        return child == null ? null : child.getTextContent();
    }
}
