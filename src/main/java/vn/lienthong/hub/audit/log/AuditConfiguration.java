package vn.lienthong.hub.audit.log;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.hub.audit.chain.CheckpointKeys;

/** Key material of the message log, from configuration. */
@Configuration
public class AuditConfiguration {

    @Bean
    public CheckpointKeys checkpointKeys(AuditProperties audit) {
        return CheckpointKeys.load(Path.of(audit.signingPrivateKey()), Path.of(audit.signingPublicKey()),
                audit.generateSigningKeys());
    }
}
