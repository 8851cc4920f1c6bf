package vn.lienthong.hub.api.soap;

import jakarta.xml.ws.Endpoint;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import vn.lienthong.hub.api.access.DeclaredAccess;
import vn.lienthong.hub.api.access.SoapAccessInterceptor;

import vn.lienthong.hub.citizen.CitizenSoapEndpoint;
import vn.lienthong.hub.dossier.DossierSyncSoapEndpoint;
import vn.lienthong.hub.enterprise.EnterpriseSoapEndpoint;
import vn.lienthong.hub.payment.PaymentSoapEndpoint;
import vn.lienthong.hub.prefill.PrefillSoapEndpoint;
import vn.lienthong.hub.signature.DocumentSoapEndpoint;

/**
 * Publishes the SOAP services under {@code /soap} (the CXF servlet path, {@code cxf.path}); every one answers its
 * faults with the hub's {@code HubFault} detail, including faults CXF raises itself (unreadable XML, unknown operation).
 * Every operation is authorized from its implementation's {@code @HubOperation} before it runs
 * ({@link SoapAccessInterceptor}).
 */
@Configuration
public class SoapEndpoints {

    private final SoapFaultDetails faultDetails = new SoapFaultDetails();
    private final DeclaredAccess access;

    public SoapEndpoints(DeclaredAccess access) {
        this.access = access;
    }

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

    @Bean
    public Endpoint paymentServiceEndpoint(Bus bus, PaymentSoapEndpoint implementation) {
        return publish(bus, implementation, "/PaymentService");
    }

    @Bean
    public Endpoint documentServiceEndpoint(Bus bus, DocumentSoapEndpoint implementation) {
        return publish(bus, implementation, "/DocumentService");
    }

    private Endpoint publish(Bus bus, Object implementation, String path) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementation);
        endpoint.getInInterceptors().add(new SoapAccessInterceptor(access, ClassUtils.getUserClass(implementation)));
        endpoint.getOutFaultInterceptors().add(faultDetails);
        endpoint.publish(path);
        return endpoint;
    }
}
