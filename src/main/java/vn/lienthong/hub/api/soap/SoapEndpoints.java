package vn.lienthong.hub.api.soap;

import jakarta.xml.ws.Endpoint;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.hub.citizen.CitizenSoapEndpoint;
import vn.lienthong.hub.dossier.DossierSyncSoapEndpoint;
import vn.lienthong.hub.enterprise.EnterpriseSoapEndpoint;
import vn.lienthong.hub.prefill.PrefillSoapEndpoint;

/**
 * Publishes the SOAP services under {@code /soap} (the CXF servlet path, {@code cxf.path}); every one answers its
 * faults with the hub's {@code HubFault} detail, including faults CXF raises itself (unreadable XML, unknown operation).
 */
@Configuration
public class SoapEndpoints {

    private final SoapFaultDetails faultDetails = new SoapFaultDetails();

    @Bean
    public Endpoint citizenServiceEndpoint(Bus bus, CitizenSoapEndpoint implementation) {
        return publish(bus, implementation, "/CitizenService");
    }

    @Bean
    public Endpoint enterpriseServiceEndpoint(Bus bus, EnterpriseSoapEndpoint implementation) {
        return publish(bus, implementation, "/EnterpriseService");
    }

    @Bean
    public Endpoint prefillServiceEndpoint(Bus bus, PrefillSoapEndpoint implementation) {
        return publish(bus, implementation, "/PrefillService");
    }

    @Bean
    public Endpoint dossierSyncServiceEndpoint(Bus bus, DossierSyncSoapEndpoint implementation) {
        return publish(bus, implementation, "/DossierSyncService");
    }

    private Endpoint publish(Bus bus, Object implementation, String path) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementation);
        endpoint.getOutFaultInterceptors().add(faultDetails);
        endpoint.publish(path);
        return endpoint;
    }
}
