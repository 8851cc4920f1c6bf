package vn.lienthong.hub.api.rest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.exchange.HubOperation;

/** Serves the OpenAPI contract the REST surface is built from. */
@RestController
public class ContractController {

    private static final Resource OPENAPI = new ClassPathResource("api/openapi.yaml");

    @HubOperation(service = "contract", operation = "GetOpenApi")
    @GetMapping(path = "/api/v1/openapi.yaml")
    public ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8))
                .body(OPENAPI);
    }
}
