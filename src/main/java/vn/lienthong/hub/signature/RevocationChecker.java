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
import java.security.cert.CertificateEncodingException;
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
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.hub.signature.DocumentVerification.Revocation;

/**
 * Revocation of the certificates of a trusted chain, from the CRLs their CRL distribution points name (HTTP), or, for
 * a certificate that names no CRL, from the OCSP responder its authority information access names (RFC 6960). A CRL
 * or an OCSP answer is believed only when the issuer's key (or a responder certificate the issuer gave
 * {@code id-kp-OCSPSigning}) signed it and it is current. What cannot be had (unreachable, too large, unreadable, out
 * of date) is {@code UNKNOWN}: never good.
 */
final class RevocationChecker {

    private static final Logger log = LoggerFactory.getLogger(RevocationChecker.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_CACHED = 64;

    private final SignatureProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(X509CRL crl, Instant until) {
    }

    /** The state of one certificate. */
    private record State(String status, String method, List<String> sources, Instant revokedAt, String detail) {
    }

    RevocationChecker(SignatureProperties properties, Clock clock) {
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
        return check(chain, issuers, Embedded.NONE);
    }

    /**
     * Validation data a document embeds (its {@code /DSS}: PAdES-LT), believed for a certificate when its published
     * CRL or OCSP responder cannot be had, if its issuer (or the issuer's designated responder) signed it and it speaks
     * for the time {@code at} (the signature's trusted time): current at that time, or issued after it.
     */
    record Embedded(List<X509CRL> crls, List<BasicOCSPResp> ocspResponses, Instant at) {

        static final Embedded NONE = new Embedded(List.of(), List.of(), null);

        boolean isEmpty() {
            return crls.isEmpty() && ocspResponses.isEmpty();
        }

        Embedded at(Instant time) {
            return new Embedded(crls, ocspResponses, time);
        }
    }

    /** As {@link #check(List, List)}, falling back on the document's validation data for what cannot be had online. */
    Revocation check(List<X509Certificate> chain, List<X509Certificate> issuers, Embedded embedded) {
        List<State> states = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            State online = check(chain.get(i), issuers.get(i));
            if ("UNKNOWN".equals(online.status()) && !embedded.isEmpty()) {
                State offline = embedded(chain.get(i), issuers.get(i), embedded, online.detail());
                states.add(offline != null ? offline : online);
            } else {
                states.add(online);
            }
        }
        List<String> sources = states.stream().flatMap(s -> s.sources().stream()).distinct().toList();
        for (String status : List.of("REVOKED", "UNKNOWN", "GOOD")) {
            for (State s : states) {
                if (s.status().equals(status)) {
                    return new Revocation(status, s.method(), sources,
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
        String failure = null;
        if (urls.isEmpty()) {
            List<String> ocsp = ocspUrls(certificate);
            if (ocsp.isEmpty()) {
                return new State("NOT_PUBLISHED", null, List.of(), null, null);
            }
            for (String url : ocsp) {
                try {
                    return ocsp(certificate, issuer, url, who);
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    failure = who + ": the OCSP responder at " + url + " gave no usable answer: " + e.getMessage();
                    log.info("Revocation of {} unknown: {}", who, failure);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = who + ": interrupted while asking " + url;
                }
            }
            return new State("UNKNOWN", "OCSP", ocsp, null, failure);
        }
        for (String url : urls) {
            try {
                X509CRL crl = crl(url, issuer);
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null) {
                    CRLReason reason = entry.getRevocationReason();
                    return new State("REVOKED", "CRL", List.of(url), entry.getRevocationDate().toInstant(), who + " was revoked on "
                            + entry.getRevocationDate().toInstant().atZone(VIETNAM).toOffsetDateTime()
                            + (reason == null ? "" : " (" + reason + ")"));
                }
                return new State("GOOD", "CRL", List.of(url), null, null);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                failure = who + ": the CRL at " + url + " could not be used: " + e.getMessage();
                log.info("Revocation of {} unknown: {}", who, failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = who + ": interrupted while fetching " + url;
            }
        }
        return new State("UNKNOWN", "CRL", urls, null, failure);
    }

    /** The state of {@code certificate} from the document's own CRLs and OCSP responses, or null when none speaks for it. */
    private State embedded(X509Certificate certificate, X509Certificate issuer, Embedded embedded, String onlineFailure) {
        String who = "certificate " + certificate.getSerialNumber().toString(16) + " of "
                + certificate.getIssuerX500Principal().getName();
        Instant at = embedded.at() == null ? clock.instant() : embedded.at();
        String why = " (from the document's validation data, DSS: " + onlineFailure + ")";
        for (X509CRL crl : embedded.crls()) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !speaksFor(
                    crl.getThisUpdate().toInstant(), crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(), at)) {
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null) {
                return new State("REVOKED", "CRL", List.of("DSS"), entry.getRevocationDate().toInstant(), who
                        + " was revoked on " + entry.getRevocationDate().toInstant().atZone(VIETNAM).toOffsetDateTime() + why);
            }
            return new State("GOOD", "CRL", List.of("DSS"), null, null);
        }
        for (BasicOCSPResp basic : embedded.ocspResponses()) {
            try {
                DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
                CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                        new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
                if (!signedByIssuerOrItsResponder(basic, issuer)) {
                    continue;
                }
                for (SingleResp single : basic.getResponses()) {
                    if (!single.getCertID().equals(id) || !speaksFor(single.getThisUpdate().toInstant(),
                            single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant(), at)) {
                        continue;
                    }
                    CertificateStatus status = single.getCertStatus();
                    if (status == CertificateStatus.GOOD) {
                        return new State("GOOD", "OCSP", List.of("DSS"), null, null);
                    }
                    if (status instanceof RevokedStatus revoked) {
                        Instant when = revoked.getRevocationTime().toInstant();
                        return new State("REVOKED", "OCSP", List.of("DSS"), when, who + " was revoked on "
                                + when.atZone(VIETNAM).toOffsetDateTime() + why);
                    }
                }
            } catch (OCSPException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
                log.debug("embedded OCSP answer unusable for {}: {}", who, e.getMessage());
            }
        }
        return null;
    }

    /** Current at {@code at}, or issued after it (so it says whether the certificate was revoked by then). */
    private boolean speaksFor(Instant thisUpdate, Instant nextUpdate, Instant at) {
        if (thisUpdate.isAfter(clock.instant().plusSeconds(300))) {
            return false;
        }
        return !thisUpdate.isBefore(at) || nextUpdate != null && !nextUpdate.isBefore(at);
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

    /** The state of {@code certificate} from the OCSP responder at {@code url}. */
    private State ocsp(X509Certificate certificate, X509Certificate issuer, String url, String who)
            throws IOException, GeneralSecurityException, InterruptedException {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                    certificate.getSerialNumber());
            byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            HttpRequest post = HttpRequest.newBuilder(URI.create(url)).timeout(properties.revocationTimeout())
                    .header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
            HttpResponse<InputStream> answer = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = answer.body()) {
                if (answer.statusCode() != 200) {
                    throw new IOException("HTTP " + answer.statusCode());
                }
                body = in.readNBytes(1 << 20);
            }
            OCSPResp response = new OCSPResp(body);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new GeneralSecurityException("responder status " + response.getStatus());
            }
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            if (!signedByIssuerOrItsResponder(basic, issuer)) {
                throw new GeneralSecurityException("the answer is not signed by the issuer or a responder it designated");
            }
            Instant now = clock.instant();
            for (SingleResp single : basic.getResponses()) {
                if (!single.getCertID().equals(id)) {
                    continue;
                }
                if (single.getThisUpdate().toInstant().isAfter(now.plusSeconds(300))) {
                    throw new GeneralSecurityException("answer produced in the future");
                }
                if (single.getNextUpdate() != null && single.getNextUpdate().toInstant().isBefore(now)) {
                    throw new GeneralSecurityException("answer out of date since " + single.getNextUpdate().toInstant());
                }
                CertificateStatus status = single.getCertStatus();
                if (status == CertificateStatus.GOOD) {
                    return new State("GOOD", "OCSP", List.of(url), null, null);
                }
                if (status instanceof RevokedStatus revoked) {
                    Instant at = revoked.getRevocationTime().toInstant();
                    return new State("REVOKED", "OCSP", List.of(url), at, who + " was revoked on "
                            + at.atZone(VIETNAM).toOffsetDateTime() + " (OCSP)");
                }
                return new State("UNKNOWN", "OCSP", List.of(url), null, who + ": the OCSP responder does not know it");
            }
            throw new GeneralSecurityException("the answer is about another certificate");
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static boolean signedByIssuerOrItsResponder(BasicOCSPResp basic, X509Certificate issuer)
            throws OCSPException, OperatorCreationException, GeneralSecurityException {
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
            return true;
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
            try {
                responder.verify(issuer.getPublicKey());
                responder.checkValidity();
            } catch (GeneralSecurityException e) {
                continue;
            }
            List<String> usages = responder.getExtendedKeyUsage();
            if (usages != null && usages.contains(KeyPurposeId.id_kp_OCSPSigning.getId())
                    && basic.isSignatureValid(verifiers.build(responder.getPublicKey()))) {
                return true;
            }
        }
        return false;
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
