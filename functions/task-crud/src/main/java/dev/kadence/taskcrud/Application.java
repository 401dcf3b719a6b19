package dev.kadence.taskcrud;

import dev.kadence.core.web.FunctionServer;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

/** task-crud: Kadence's HTTP API for users, tags, tasks and reminders. */
@OpenAPIDefinition(info = @Info(title = "kadence-task-crud", version = "1",
    description = "Kadence task API: users, tags, tasks with search/filter/sort, recurrence and reminders"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        FunctionServer.start(Application.class, args);
    }
}
