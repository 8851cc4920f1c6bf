package vn.lienthong.hub.signature;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Certificates another part of the hub adds to the configured trust list, as Spring beans: in the default profile, the
 * test-only authority of the simulated store of digitised documents, whose papers it signs at start (production runs no
 * simulator, so nothing is added there).
 */
public interface TrustListSource {

    /** The certificates to trust: self-signed ones as anchors, others as intermediates. */
    List<X509Certificate> certificates();

    /** Who adds them, for the start-up log. */
    String description();
}
