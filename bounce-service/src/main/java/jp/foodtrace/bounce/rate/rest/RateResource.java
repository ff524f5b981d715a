package jp.foodtrace.bounce.rate.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import jp.foodtrace.bounce.rate.service.RateWatch;
import jp.foodtrace.rest.OpsOnly;

/** Ops view of the bounce and complaint rates. */
@OpsOnly
@Path("/v1/rates")
@Tag(name = "rates")
public class RateResource {

    private final RateWatch watch;

    public RateResource(RateWatch watch) {
        this.watch = watch;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bounce and complaint rates now",
            description = "Sends, hard bounces and complaints over the rolling window (default 24 h) and over the "
                    + "last N sends, the rates (ratios 0..1), their levels and the configured thresholds. "
                    + "Computed on request; the gauges take the same figures.")
    @APIResponse(responseCode = "200", description = "The rates")
    public RatesView rates() {
        return RatesView.of(watch.refresh());
    }
}
