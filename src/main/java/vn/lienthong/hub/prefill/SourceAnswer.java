package vn.lienthong.hub.prefill;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.HubException;

/**
 * How one source answered a pre-fill: its canonical answer and when it came, or why there is none.
 *
 * @param call           the call as planned
 * @param canonical      the service's canonical answer, null when {@code failure} is set
 * @param failure        the catalogue error the source ended with, or null
 * @param durationMillis how long the pre-fill waited for it
 * @param retrievedAt    when the hub received the answer, null on failure
 */
public record SourceAnswer(PrefillPlan.SourceCall call, JsonNode canonical, HubException failure, long durationMillis,
                           Instant retrievedAt) {

    public ProcedureProfile.Source source() {
        return call.source();
    }

    /** The source's line in the pre-fill's answer. */
    public PrefillResult.SourceStatus status() {
        ProcedureProfile.Source source = call.source();
        if (failure == null) {
            return new PrefillResult.SourceStatus(source.id(), source.service(), PrefillResult.Status.OK, null, null,
                    durationMillis, retrievedAt);
        }
        PrefillResult.Status status = switch (failure.code()) {
            case NOT_FOUND -> PrefillResult.Status.NOT_FOUND;
            case NATIONAL_TIMEOUT -> PrefillResult.Status.TIMEOUT;
            default -> PrefillResult.Status.FAILED;
        };
        return new PrefillResult.SourceStatus(source.id(), source.service(), status, failure.code().name(),
                failure.detail(), durationMillis, null);
    }
}
