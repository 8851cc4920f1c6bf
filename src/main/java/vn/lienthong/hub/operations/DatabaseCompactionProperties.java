package vn.lienthong.hub.operations;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The embedded H2 database's compaction ({@link EmbeddedDatabaseCompaction}), {@code hub.database.compaction.*}; no
 * effect on PostgreSQL.
 *
 * @param enabled        rewrite the live pages of sparse chunks, so that their space is reused instead of the file growing
 * @param period         time between two runs
 * @param targetFillRate chunks whose live pages fill less than this share (per cent) are rewritten
 * @param maxWrite       live pages rewritten in one run, at most (commits wait while a run holds the store); the
 *                       bytes a period can reclaim grow with it
 */
@Validated
@ConfigurationProperties("hub.database.compaction")
public record DatabaseCompactionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("250ms") @DurationMin(millis = 1) Duration period,
        @DefaultValue("80") @Min(1) @Max(100) int targetFillRate,
        @DefaultValue("256KB") DataSize maxWrite) {
}
