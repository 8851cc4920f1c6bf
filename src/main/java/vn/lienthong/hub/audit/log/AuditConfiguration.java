package vn.lienthong.hub.audit.log;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.hub.audit.chain.CheckpointKeys;
import vn.lienthong.hub.config.HubProperties;

/** Key material of the message log, from configuration. */
@Configuration
public class AuditConfiguration {

    @Bean
    public CheckpointKeys checkpointKeys(HubProperties properties) {
        HubProperties.Audit audit = properties.getAudit();
        return CheckpointKeys.load(Path.of(audit.getSigningPrivateKey()), Path.of(audit.getSigningPublicKey()),
                audit.isGenerateSigningKeys());
    }
}
