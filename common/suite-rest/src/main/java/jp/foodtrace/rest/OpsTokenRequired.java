package jp.foodtrace.rest;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;

/**
 * Makes {@link OpsConfig} part of the configuration checked at start in the services that set
 * {@code suite.ops.required=true}: without the token they do not start. Services without ops APIs
 * (terminal-gateway, sync-service) have no token.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = "suite.ops.required", stringValue = "true")
public class OpsTokenRequired {

    public OpsTokenRequired(OpsConfig config) {
        if (config.token().isBlank()) {
            throw new IllegalStateException("suite.ops.token (SUITE_OPS_TOKEN) is empty");
        }
    }
}
