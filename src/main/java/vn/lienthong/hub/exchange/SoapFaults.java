package vn.lienthong.hub.exchange;

import vn.lienthong.hub.soap.common.v1.HubFault;

/** The fault detail every SOAP operation answers with: the same code and transaction id as the REST problem. */
public final class SoapFaults {

    private SoapFaults() {
    }

    public static HubFault detail(HubException e, ExchangeContext context) {
        context.failed(e);
        HubFault fault = new HubFault();
        fault.setCode(e.code().name());
        fault.setStatus(e.code().status());
        fault.setTitle(e.code().title());
        fault.setDetail(e.detail());
        fault.setTransactionId(context.transactionId());
        return fault;
    }

    public static String message(HubException e) {
        return e.code().title() + ": " + e.detail();
    }
}
