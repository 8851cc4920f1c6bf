package vn.lienthong.hub.signature;

import java.time.OffsetDateTime;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.SoapContexts;
import vn.lienthong.hub.exchange.SoapFaults;
import vn.lienthong.hub.soap.document.v1.DocumentPortType;
import vn.lienthong.hub.soap.document.v1.HubFault;

/**
 * SOAP surface of signature verification ({@code /soap/DocumentService}): the same verifier, outcome, grant
 * ({@code document:*}) and message-log findings as {@code POST /api/v1/documents/verify}. The PDF comes as base64 in
 * the request or as an MTOM attachment (CXF reads an MTOM request on any endpoint); the answer, which carries no
 * binary, is plain SOAP, so a client without MTOM reads it too.
 */
@Component
@WebService(serviceName = "DocumentService", portName = "DocumentPort",
        targetNamespace = "http://hub.lienthong.vn/soap/document/v1",
        endpointInterface = "vn.lienthong.hub.soap.document.v1.DocumentPortType",
        wsdlLocation = "classpath:api/wsdl/DocumentService.wsdl")
public class DocumentSoapEndpoint implements DocumentPortType {

    private final PdfSignatureVerifier verifier;

    @Resource
    private WebServiceContext webServiceContext;

    public DocumentSoapEndpoint(PdfSignatureVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    @HubOperation(service = "signature-verification", operation = "VerifySignatures")
    public vn.lienthong.hub.soap.document.v1.Verification verifyDocument(byte[] document) throws HubFault {
        ExchangeContext context = SoapContexts.current(webServiceContext);
        try {
            if (document == null || document.length == 0) {
                throw new HubException(ErrorCode.INVALID_DOCUMENT, "document: the PDF (base64 or an MTOM attachment) is required");
            }
            DocumentVerification outcome = verifier.verify(document);
            SignatureFindings.record(context, outcome);
            return toSoap(outcome);
        } catch (HubException e) {
            throw new HubFault(SoapFaults.message(e), SoapFaults.detail(e, context));
        }
    }

    private static vn.lienthong.hub.soap.document.v1.Verification toSoap(DocumentVerification outcome) {
        var soap = new vn.lienthong.hub.soap.document.v1.Verification();
        soap.setDocumentSha256(outcome.documentSha256());
        soap.setDocumentBytes(outcome.documentBytes());
        soap.setStatus(outcome.status().name());
        soap.setReason(outcome.reason());
        soap.setModifiedAfterLastSignature(outcome.modifiedAfterLastSignature());
        for (DocumentVerification.SignatureVerification s : outcome.signatures()) {
            var signature = new vn.lienthong.hub.soap.document.v1.Signature();
            signature.setIndex(s.index());
            signature.setField(s.field());
            signature.setSubFilter(s.subFilter());
            signature.setStatus(s.status().name());
            for (DocumentVerification.Reason r : s.reasons()) {
                var reason = new vn.lienthong.hub.soap.document.v1.Reason();
                reason.setCode(r.code());
                reason.setDetail(r.detail());
                signature.getReason().add(reason);
            }
            if (s.signer() != null) {
                DocumentVerification.Signer who = s.signer();
                var signer = new vn.lienthong.hub.soap.document.v1.Signer();
                signer.setSubject(who.subject());
                signer.setCommonName(who.commonName());
                signer.setOrganisation(who.organisation());
                for (DocumentVerification.Identifier id : who.identifiers()) {
                    var identifier = new vn.lienthong.hub.soap.document.v1.Identifier();
                    identifier.setScheme(id.scheme());
                    identifier.setValue(id.value());
                    signer.getIdentifier().add(identifier);
                }
                signer.setIssuer(who.issuer());
                signer.setSerialNumber(who.serialNumber());
                signer.setNotBefore(text(who.notBefore()));
                signer.setNotAfter(text(who.notAfter()));
                signer.setCertificateSha256(who.certificateSha256());
                signature.setSigner(signer);
            }
            signature.setSigningTime(text(s.signingTime()));
            signature.setSigningTimeSource(s.signingTimeSource());
            if (s.integrity() != null) {
                var integrity = new vn.lienthong.hub.soap.document.v1.Integrity();
                integrity.setValid(s.integrity().valid());
                integrity.setDigestAlgorithm(s.integrity().digestAlgorithm());
                integrity.setSignatureAlgorithm(s.integrity().signatureAlgorithm());
                signature.setIntegrity(integrity);
            }
            if (s.byteRange() != null) {
                for (long value : s.byteRange()) {
                    signature.getByteRange().add(value);
                }
            }
            signature.setCoversWholeDocument(s.coversWholeDocument());
            if (s.chain() != null) {
                var chain = new vn.lienthong.hub.soap.document.v1.Chain();
                chain.setStatus(s.chain().status());
                chain.getCertificate().addAll(s.chain().certificates());
                chain.setDetail(s.chain().detail());
                signature.setChain(chain);
            }
            if (s.revocation() != null) {
                var revocation = new vn.lienthong.hub.soap.document.v1.Revocation();
                revocation.setStatus(s.revocation().status());
                revocation.setMethod(s.revocation().method());
                revocation.getSource().addAll(s.revocation().sources());
                revocation.setRevokedAt(text(s.revocation().revokedAt()));
                revocation.setDetail(s.revocation().detail());
                signature.setRevocation(revocation);
            }
            soap.getSignature().add(signature);
        }
        return soap;
    }

    private static String text(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }

}
