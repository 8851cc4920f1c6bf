package vn.lienthong.hub.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The hub's own OpenAPI contract ({@code api/openapi.yaml}, the file the REST surface is built from) as an actuator
 * endpoint, {@code /actuator/contract}: what the Swagger UI of the management side ({@code /actuator/swagger-ui},
 * springdoc with {@code springdoc.use-management-port}) shows. Nothing is generated from the controllers. On the
 * application port it is behind the operator grant like every actuator endpoint but the health probes
 * ({@code api/ActuatorAccessFilter}); the public copy stays {@code GET /api/v1/openapi.yaml}.
 */
@Component
@WebEndpoint(id = "contract")
public class ContractEndpoint {

    static final String LOCATION = "api/openapi.yaml";

    @ReadOperation(produces = "application/yaml")
    public String contract() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
