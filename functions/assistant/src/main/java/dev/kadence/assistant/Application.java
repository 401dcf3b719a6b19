package dev.kadence.assistant;

import dev.kadence.core.web.FunctionServer;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** assistant: the language of Kadence over HTTP (DESIGN §9); first, quick add. */
@OpenAPIDefinition(info = @Info(title = "kadence-assistant", version = "1",
    description = "Kadence's language: a quick-add line read into a POST /api/v1/tasks body, span by span"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        FunctionServer.start(Application.class, args);
    }
}
