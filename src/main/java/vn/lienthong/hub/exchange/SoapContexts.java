package vn.lienthong.hub.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;

/** The exchange context of the SOAP call being served, set up by the edge filter like any HTTP request. */
public final class SoapContexts {

    private SoapContexts() {
    }

    public static ExchangeContext current(WebServiceContext webServiceContext) {
        HttpServletRequest request = (HttpServletRequest) webServiceContext.getMessageContext()
                .get(MessageContext.SERVLET_REQUEST);
        return ExchangeContext.of(request);
    }
}
