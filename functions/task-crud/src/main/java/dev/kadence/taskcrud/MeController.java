package dev.kadence.taskcrud;

import dev.kadence.core.api.AccountRequests;
import dev.kadence.core.task.ZoneChanges;
import dev.kadence.core.user.Accounts;
import dev.kadence.core.user.UserView;
import dev.kadence.core.web.Caller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

@Controller("/api/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
class MeController {
    private final Accounts accounts;
    private final ZoneChanges zoneChanges;

    MeController(Accounts accounts, ZoneChanges zoneChanges) {
        this.accounts = accounts;
        this.zoneChanges = zoneChanges;
    }

    /** The user's zone and how many repeating tasks are in it: what {@code move_series} would move. */
    @Serdeable
    record SeriesInZone(String timezone, int count) {
    }

    @Get
    UserView me(Caller caller) {
        return UserView.of(accounts.get(caller.id()));
    }

    @Patch
    UserView update(Caller caller, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Profile.class))) @Body JsonNode body) {
        return UserView.of(zoneChanges.update(caller.id(), AccountRequests.profileChange(body)));
    }

    @Get("/series-in-zone")
    SeriesInZone seriesInZone(Caller caller) {
        UserView me = me(caller);
        return new SeriesInZone(me.timezone(), zoneChanges.seriesInAccountZone(me.id()));
    }
}
