package vn.lienthong.hub.prefill;

import java.util.List;

import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.HubException;

/**
 * What one pre-fill will ask: the procedure and one {@link SourceCall} per source of its profile, in the profile's
 * order. Built by {@link PrefillPlanner}; the flow {@code routes/prefill/prefill.camel.yaml} splits over {@link #calls()}.
 */
public record PrefillPlan(ProcedureProfile procedure, List<SourceCall> calls) {

    /**
     * One source call, ready to send, or the reason it cannot be sent.
     *
     * @param index        position of the source in the profile
     * @param source       the source as the profile declares it
     * @param endpointUri  the service's own route ({@code direct:service-<code>}, or its typed flow)
     * @param request      the validated request (body of that route), null when {@code failure} is set
     * @param context      the caller's exchange context serving this source's service
     * @param failure      why the request could not be built (the service's input schema refused it), or null
     * @param plannedNanos {@link System#nanoTime()} when the pre-fill started waiting for it
     */
    public record SourceCall(int index, ProcedureProfile.Source source, String endpointUri, Object request,
                             CallContext context, HubException failure, long plannedNanos) {

        /** How long the pre-fill waits for this source (the profile's {@code timeoutMillis}). */
        public long timeoutMillis() {
            return source.timeoutMillis();
        }

        public String serviceCode() {
            return source.service();
        }
    }
}
