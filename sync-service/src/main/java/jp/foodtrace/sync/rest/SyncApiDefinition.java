package jp.foodtrace.sync.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI-level declarations: every {@code /v1} call carries a client's bearer token. */
@OpenAPIDefinition(info = @Info(title = "Sync service API", version = "1"),
        security = @SecurityRequirement(name = SyncApiDefinition.BEARER))
@SecurityScheme(securitySchemeName = SyncApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A client token from POST /v1/admin/clients, or the admin token for /v1/admin")
public class SyncApiDefinition extends Application {

    static final String BEARER = "bearer";
}
