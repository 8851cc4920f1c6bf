package vn.lienthong.hub.prefill;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.exchange.SoapContexts;
import vn.lienthong.hub.exchange.SoapFaults;
import vn.lienthong.hub.soap.prefill.v1.HubFault;
import vn.lienthong.hub.soap.prefill.v1.PrefillPortType;
import vn.lienthong.hub.soap.prefill.v1.Subject;

/** SOAP surface of the once-only pre-fill ({@code /soap/PrefillService}); dispatches to the same flow as REST. */
@Component
@WebService(serviceName = "PrefillService", portName = "PrefillPort",
        targetNamespace = "http://hub.lienthong.vn/soap/prefill/v1",
        endpointInterface = "vn.lienthong.hub.soap.prefill.v1.PrefillPortType",
        wsdlLocation = "classpath:api/wsdl/PrefillService.wsdl")
public class PrefillSoapEndpoint implements PrefillPortType {

    private final ServiceGateway gateway;
    private final PrefillRequests requests;

    @Resource
    private WebServiceContext webServiceContext;

    public PrefillSoapEndpoint(ServiceGateway gateway, PrefillRequests requests) {
        this.gateway = gateway;
        this.requests = requests;
    }

    @Override
    @HubOperation(service = "prefill", operation = "Prefill")
    public vn.lienthong.hub.soap.prefill.v1.PrefillResult prefill(String procedureCode, Subject subject) throws HubFault {
        ExchangeContext context = SoapContexts.current(webServiceContext);
        try {
            PrefillResult result = gateway.call(context, HubServices.PREFILL, () -> requests.validate(procedureCode,
                    subject == null ? null : new PrefillRequests.SubjectInput(subject.getPersonalId(),
                            subject.getFullName(), subject.getDateOfBirth(), subject.getEnterpriseCode()),
                    context.purpose()), PrefillResult.class);
            return SoapPrefillMapper.toSoap(result);
        } catch (HubException e) {
            throw new HubFault(SoapFaults.message(e), SoapFaults.detail(e, context));
        }
    }
}
