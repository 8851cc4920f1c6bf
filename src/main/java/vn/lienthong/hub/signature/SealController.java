package vn.lienthong.hub.signature;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.exchange.HubOperation;

/** The certificates of the hub's seal, to verify sealed evidence with (docs/signatures.md). */
@RestController
public class SealController {

    private final HubSeal seal;

    public SealController(HubSeal seal) {
        this.seal = seal;
    }

    /** The seal certificate, its chain and its authority, PEM. */
    @HubOperation(service = "seal", operation = "GetSealCertificate")
    @GetMapping(path = SealFilter.CERTIFICATE_PATH, produces = "application/x-pem-file")
    public String certificate() {
        return seal.certificatesPem();
    }
}
