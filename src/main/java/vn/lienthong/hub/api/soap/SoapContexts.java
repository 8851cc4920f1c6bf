package vn.lienthong.hub.api.soap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;

import vn.lienthong.hub.exchange.ExchangeContext;

/** The exchange context of the SOAP call being served, set up by the edge filter like any HTTP request. */
final class SoapContexts {

    private SoapContexts() {
    }

    static ExchangeContext current(WebServiceContext webServiceContext) {
        HttpServletRequest request = (HttpServletRequest) webServiceContext.getMessageContext()
                .get(MessageContext.SERVLET_REQUEST);
        return ExchangeContext.of(request);
    }
}
