package id.pantau.web.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (UI at /swagger-ui.html), readable by administrators only. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info = @Info(title = "Pantau VMS API", version = "v1",
        description = "Scripts authenticate with an API token (My account → API tokens) sent as"
            + " 'Authorization: Bearer <token>'. Browser sessions need the CSRF token for changes."),
    security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "session")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "A per-user API token (pantau_...)")
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
    paramName = "PANTAU_SESSION", description = "The sign-in session of the web UI")
class OpenApiConfiguration {}
