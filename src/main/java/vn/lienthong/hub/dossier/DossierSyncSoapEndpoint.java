package vn.lienthong.hub.dossier;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.exchange.SoapContexts;
import vn.lienthong.hub.exchange.SoapFaults;
import vn.lienthong.hub.soap.dossier.v1.Accepted;
import vn.lienthong.hub.soap.dossier.v1.Dossier;
import vn.lienthong.hub.soap.dossier.v1.DossierSyncPortType;
import vn.lienthong.hub.soap.dossier.v1.HubFault;
import vn.lienthong.hub.soap.dossier.v1.Progress;

/** SOAP surface of dossier synchronisation ({@code /soap/DossierSyncService}); same flow and rules as REST. */
@Component
@WebService(serviceName = "DossierSyncService", portName = "DossierSyncPort",
        targetNamespace = "http://hub.lienthong.vn/soap/dossier/v1",
        endpointInterface = "vn.lienthong.hub.soap.dossier.v1.DossierSyncPortType",
        wsdlLocation = "classpath:api/wsdl/DossierSyncService.wsdl")
public class DossierSyncSoapEndpoint implements DossierSyncPortType {

    private final ServiceGateway gateway;
    private final DossierValidator validator;
    private final SoapDossierMapper mapper;

    @Resource
    private WebServiceContext webServiceContext;

    public DossierSyncSoapEndpoint(ServiceGateway gateway, DossierValidator validator, SoapDossierMapper mapper) {
        this.gateway = gateway;
        this.validator = validator;
        this.mapper = mapper;
    }

    @Override
    @HubOperation(service = "dossier-sync", operation = "DongBoHoSoMC")
    public Accepted submitDossier(Dossier dossier) throws HubFault {
        ExchangeContext context = SoapContexts.current(webServiceContext);
        try {
            DossierAccepted accepted = gateway.call(context, HubServices.DOSSIER_SUBMIT,
                    () -> validator.dossier(mapper.dossier(dossier), eventId()), DossierAccepted.class);
            ResultPapers.record(context, accepted);
            return mapper.accepted(accepted);
        } catch (HubException e) {
            throw new HubFault(SoapFaults.message(e), SoapFaults.detail(e, context));
        }
    }

    @Override
    @HubOperation(service = "dossier-sync", operation = "CapNhatTienDoHoSoMC")
    public Accepted submitProgress(String dossierCode, Progress progress) throws HubFault {
        ExchangeContext context = SoapContexts.current(webServiceContext);
        try {
            return mapper.accepted(gateway.call(context, HubServices.DOSSIER_PROGRESS,
                    () -> validator.progress(dossierCode, mapper.progress(progress), eventId()), DossierAccepted.class));
        } catch (HubException e) {
            throw new HubFault(SoapFaults.message(e), SoapFaults.detail(e, context));
        }
    }

    private String eventId() {
        HttpServletRequest request = (HttpServletRequest) webServiceContext.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        return request.getHeader("X-Event-Id");
    }
}
