package vn.lienthong.hub.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The certificates a signer's chain must reach: self-signed ones are trust anchors (the national root of the
 * Vietnamese public digital signature system, in production), others are intermediates offered to the path builder
 * (a provider's CA that documents sign without their chain).
 */
public final class TrustList {

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;

    private TrustList(Set<TrustAnchor> anchors, List<X509Certificate> intermediates) {
        this.anchors = Set.copyOf(anchors);
        this.intermediates = List.copyOf(intermediates);
    }

    /** The certificates of a PEM (or DER) file; an empty path gives an empty list, which trusts no one. */
    public static TrustList load(String path) {
        if (path == null || path.isBlank()) {
            return new TrustList(Set.of(), List.of());
        }
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return of(CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the signature trust list " + path + ": " + e.getMessage(), e);
        }
    }

    public static TrustList of(List<X509Certificate> certificates) {
        Set<TrustAnchor> anchors = new HashSet<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                anchors.add(new TrustAnchor(certificate, null));
            } else {
                intermediates.add(certificate);
            }
        }
        return new TrustList(anchors, intermediates);
    }

    /** This list and {@code more} certificates. */
    public TrustList with(List<X509Certificate> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<X509Certificate> all = new ArrayList<>(intermediates);
        anchors.forEach(a -> all.add(a.getTrustedCert()));
        all.addAll(more);
        return of(all);
    }

    public Set<TrustAnchor> anchors() {
        return anchors;
    }

    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    public boolean isEmpty() {
        return anchors.isEmpty();
    }
}
