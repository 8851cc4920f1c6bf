package vn.lienthong.hub.audit.log;

import java.nio.file.Path;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

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

    /**
     * Locks of the jobs that run on one hub instance at a time (archiving), as rows of {@code shedlock} (Flyway V30),
     * timed by the database's clock so the instances' own clocks do not matter.
     */
    @Bean
    public LockProvider jobLocks(javax.sql.DataSource dataSource,
            @org.springframework.beans.factory.annotation.Value("${hub.instance-id:hub-1}") String instanceId) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(instanceId)
                .build());
    }
}
