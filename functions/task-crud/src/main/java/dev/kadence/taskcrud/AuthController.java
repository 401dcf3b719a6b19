package dev.kadence.taskcrud;

import dev.kadence.core.api.AccountRequests;
import dev.kadence.core.user.Accounts;
import dev.kadence.core.user.User;
import dev.kadence.core.user.UserView;
import dev.kadence.core.web.BearerTokens;
import dev.kadence.core.web.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.time.Instant;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {
    private final Accounts accounts;
    private final Tokens tokens;
    private final ClientAddress clientAddress;

    AuthController(Accounts accounts, Tokens tokens, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
    }

    @Serdeable
    record Signup(UserView user, String token, Instant expiresAt) {
    }

    @Serdeable
    record Login(String token, Instant expiresAt) {
    }

    @Post("/signup")
    HttpResponse<Signup> signup(@RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Signup.class))) @Body JsonNode body) {
        User user = accounts.signup(AccountRequests.signup(body));
        BearerTokens.Issued token = tokens.issue(user);
        return HttpResponse.created(new Signup(UserView.of(user), token.value(), token.expiresAt()));
    }

    @Post("/login")
    Login login(HttpRequest<?> request,
                @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Login.class))) @Body JsonNode body) {
        BearerTokens.Issued token = tokens.issue(accounts.authenticate(AccountRequests.credentials(body), clientAddress.of(request)));
        return new Login(token.value(), token.expiresAt());
    }

    /** Revokes the token this request carries, in every function (204). */
    @Post("/logout")
    HttpResponse<Void> logout(Caller caller) {
        tokens.revoke(caller);
        return HttpResponse.noContent();
    }
}
