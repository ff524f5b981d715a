package jp.foodtrace.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The token of the internal ops APIs ({@link OpsOnly}), under {@code suite.ops}: required in a
 * service that has ops APIs ({@code suite.ops.required=true}, set at build time), where it is
 * checked when the service starts ({@code suite.ops.token=${SUITE_OPS_TOKEN}} in production).
 */
@ConfigMapping(prefix = "suite.ops")
public interface OpsConfig {

    /** Whether the service has ops APIs and needs the token (read at build time). */
    @WithDefault("false")
    boolean required();

    String token();
}
