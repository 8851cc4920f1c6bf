package vn.lienthong.hub.api.soap;

import jakarta.xml.ws.Endpoint;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the SOAP services under {@code /soap} (the CXF servlet path, {@code cxf.path}). */
@Configuration
public class SoapEndpoints {

    @Bean
    public Endpoint citizenServiceEndpoint(Bus bus, CitizenSoapEndpoint implementation) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementation);
        endpoint.publish("/CitizenService");
        return endpoint;
    }

    @Bean
    public Endpoint enterpriseServiceEndpoint(Bus bus, EnterpriseSoapEndpoint implementation) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementation);
        endpoint.publish("/EnterpriseService");
        return endpoint;
    }

    @Bean
    public Endpoint prefillServiceEndpoint(Bus bus, PrefillSoapEndpoint implementation) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementation);
        endpoint.publish("/PrefillService");
        return endpoint;
    }

    @Bean
    public Endpoint dossierSyncServiceEndpoint(Bus bus, DossierSyncSoapEndpoint implementation) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementation);
        endpoint.publish("/DossierSyncService");
        return endpoint;
    }
}
