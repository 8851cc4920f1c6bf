package vn.lienthong.hub.citizen;

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
import vn.lienthong.hub.model.Citizen;
import vn.lienthong.hub.soap.citizen.v1.CitizenPortType;
import vn.lienthong.hub.soap.citizen.v1.HubFault;

/** SOAP surface of the citizen lookup ({@code /soap/CitizenService}); dispatches to the same flow as REST. */
@Component
@WebService(serviceName = "CitizenService", portName = "CitizenPort",
        targetNamespace = "http://hub.lienthong.vn/soap/citizen/v1",
        endpointInterface = "vn.lienthong.hub.soap.citizen.v1.CitizenPortType",
        wsdlLocation = "classpath:api/wsdl/CitizenService.wsdl")
public class CitizenSoapEndpoint implements CitizenPortType {

    private final ServiceGateway gateway;
    private final SoapCitizenMapper mapper;

    @Resource
    private WebServiceContext webServiceContext;

    public CitizenSoapEndpoint(ServiceGateway gateway, SoapCitizenMapper mapper) {
        this.gateway = gateway;
        this.mapper = mapper;
    }

    @Override
    @HubOperation(service = "citizen-lookup", operation = "LookupCitizen")
    public vn.lienthong.hub.soap.citizen.v1.Citizen lookupCitizen(String personalId, String fullName, String dateOfBirth)
            throws HubFault {
        ExchangeContext context = SoapContexts.current(webServiceContext);
        try {
            Citizen citizen = gateway.call(context, HubServices.CITIZEN_LOOKUP,
                    () -> CitizenLookupRequests.validate(personalId, fullName, dateOfBirth), Citizen.class);
            return mapper.toSoap(citizen);
        } catch (HubException e) {
            throw new HubFault(SoapFaults.message(e), SoapFaults.detail(e, context));
        }
    }
}
