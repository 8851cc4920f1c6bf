package vn.lienthong.hub.enterprise;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.SoapContexts;
import vn.lienthong.hub.exchange.SoapFaults;
import vn.lienthong.hub.model.Enterprise;
import vn.lienthong.hub.soap.enterprise.v1.EnterprisePortType;
import vn.lienthong.hub.soap.enterprise.v1.HubFault;

/** SOAP surface of the enterprise lookup ({@code /soap/EnterpriseService}); same gateway and connector as REST. */
@Component
@WebService(serviceName = "EnterpriseService", portName = "EnterprisePort",
        targetNamespace = "http://hub.lienthong.vn/soap/enterprise/v1",
        endpointInterface = "vn.lienthong.hub.soap.enterprise.v1.EnterprisePortType",
        wsdlLocation = "classpath:api/wsdl/EnterpriseService.wsdl")
public class EnterpriseSoapEndpoint implements EnterprisePortType {

    private final EnterpriseLookups lookups;

    @Resource
    private WebServiceContext webServiceContext;

    public EnterpriseSoapEndpoint(EnterpriseLookups lookups) {
        this.lookups = lookups;
    }

    @Override
    @HubOperation(service = "enterprise-lookup", operation = "LookupEnterprise")
    public vn.lienthong.hub.soap.enterprise.v1.Enterprise lookupEnterprise(String enterpriseCode) throws HubFault {
        ExchangeContext context = SoapContexts.current(webServiceContext);
        try {
            return SoapEnterpriseMapper.toSoap(lookups.lookup(context, enterpriseCode));
        } catch (HubException e) {
            throw new HubFault(SoapFaults.message(e), SoapFaults.detail(e, context));
        }
    }
}
