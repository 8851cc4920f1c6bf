package vn.lienthong.hub.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.hub.signature.DocumentVerification.Revocation;

/**
 * Revocation of the certificates of a trusted chain, from the CRLs their CRL distribution points name (HTTP). A CRL
 * is believed only when its issuer's key signed it and it is current. What cannot be had (unreachable, too large,
 * unreadable, out of date), or is published only by OCSP, is {@code UNKNOWN}: never good.
 */
final class CrlChecker {

    private static final Logger log = LoggerFactory.getLogger(CrlChecker.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_CACHED = 64;

    private final SignatureProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(X509CRL crl, Instant until) {
    }

    /** The state of one certificate. */
    private record State(String status, List<String> sources, Instant revokedAt, String detail) {
    }

    CrlChecker(SignatureProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.revocationTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The revocation state of a chain ordered from the signer's certificate up; {@code issuers.get(i)} issued
     * {@code chain.get(i)}. REVOKED wins over UNKNOWN, UNKNOWN over GOOD; NOT_PUBLISHED when no certificate says how.
     */
    Revocation check(List<X509Certificate> chain, List<X509Certificate> issuers) {
        List<State> states = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            states.add(check(chain.get(i), issuers.get(i)));
        }
        List<String> sources = states.stream().flatMap(s -> s.sources().stream()).distinct().toList();
        for (String status : List.of("REVOKED", "UNKNOWN", "GOOD")) {
            for (State s : states) {
                if (s.status().equals(status)) {
                    return new Revocation(status, sources.isEmpty() ? null : "CRL", sources,
                            s.revokedAt() == null ? null : s.revokedAt().atZone(VIETNAM).toOffsetDateTime(), s.detail());
                }
            }
        }
        return new Revocation("NOT_PUBLISHED", null, List.of(), null,
                "the certificates name neither a CRL distribution point nor an OCSP responder");
    }

    private State check(X509Certificate certificate, X509Certificate issuer) {
        String who = "certificate " + certificate.getSerialNumber().toString(16) + " of "
                + certificate.getIssuerX500Principal().getName();
        List<String> urls = crlUrls(certificate);
        if (urls.isEmpty()) {
            List<String> ocsp = ocspUrls(certificate);
            if (!ocsp.isEmpty()) {
                return new State("UNKNOWN", ocsp, null, who + " names only an OCSP responder (" + ocsp.get(0)
                        + "); this hub checks CRLs");
            }
            return new State("NOT_PUBLISHED", List.of(), null, null);
        }
        String failure = null;
        for (String url : urls) {
            try {
                X509CRL crl = crl(url, issuer);
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null) {
                    CRLReason reason = entry.getRevocationReason();
                    return new State("REVOKED", List.of(url), entry.getRevocationDate().toInstant(), who + " was revoked on "
                            + entry.getRevocationDate().toInstant().atZone(VIETNAM).toOffsetDateTime()
                            + (reason == null ? "" : " (" + reason + ")"));
                }
                return new State("GOOD", List.of(url), null, null);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                failure = who + ": the CRL at " + url + " could not be used: " + e.getMessage();
                log.info("Revocation of {} unknown: {}", who, failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = who + ": interrupted while fetching " + url;
            }
        }
        return new State("UNKNOWN", urls, null, failure);
    }

    /** A current CRL of {@code issuer} from {@code url}, checked for its signature. */
    private X509CRL crl(String url, X509Certificate issuer) throws IOException, GeneralSecurityException, InterruptedException {
        Instant now = clock.instant();
        Cached cached = cache.get(url);
        if (cached != null && now.isBefore(cached.until()) && cached.crl().getIssuerX500Principal()
                .equals(issuer.getSubjectX500Principal())) {
            return cached.crl();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.revocationTimeout()).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxCrlBytes() + 1));
        }
        if (body.length > properties.maxCrlBytes()) {
            throw new IOException("larger than " + properties.maxCrlBytes() + " bytes");
        }
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new GeneralSecurityException("issued by " + crl.getIssuerX500Principal().getName()
                    + ", not by the certificate's issuer");
        }
        crl.verify(issuer.getPublicKey());
        Date next = crl.getNextUpdate();
        if (crl.getThisUpdate().toInstant().isAfter(now.plusSeconds(300))) {
            throw new GeneralSecurityException("issued in the future (" + crl.getThisUpdate().toInstant() + ")");
        }
        if (next != null && next.toInstant().isBefore(now)) {
            throw new GeneralSecurityException("out of date since " + next.toInstant());
        }
        if (!properties.crlCacheTtl().isZero() && next != null) {
            Instant until = now.plus(properties.crlCacheTtl());
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(url, new Cached(crl, until.isBefore(next.toInstant()) ? until : next.toInstant()));
        }
        return crl;
    }

    static List<String> crlUrls(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<String> urls = new ArrayList<>();
        if (value == null) {
            return urls;
        }
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(ASN1Primitive.fromByteArray(
                    DEROctetString.getInstance(value).getOctets()));
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                            String url = general.getName().toString();
                            if (url.startsWith("http://") || url.startsWith("https://")) {
                                urls.add(url);
                            }
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            log.info("unreadable CRL distribution points in certificate {}", certificate.getSerialNumber());
        }
        return urls;
    }

    static List<String> ocspUrls(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        List<String> urls = new ArrayList<>();
        if (value == null) {
            return urls;
        }
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(ASN1Primitive.fromByteArray(
                    DEROctetString.getInstance(value).getOctets()));
            for (AccessDescription description : access.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(X509ObjectIdentifiers.id_ad_ocsp)
                        && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    urls.add(description.getAccessLocation().getName().toString());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            log.info("unreadable authority information access in certificate {}", certificate.getSerialNumber());
        }
        return urls;
    }
}
