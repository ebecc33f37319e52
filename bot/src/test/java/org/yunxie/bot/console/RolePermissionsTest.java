package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.admin.web.Requires;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.account.Capability;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.round.Round;

/**
 * Within its own community each role may change only what its role allows, endpoint by endpoint: every
 * changing handler is called by a supervisor (changes nothing), a council member (only promotes proposals)
 * and staff (everything but accounts), and answered 403 where the role may not; every page reads for all.
 */
@EmbeddedDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolePermissionsTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsoleWorld world;
    @Autowired
    AuditLog audit;

    ConsoleWorld.Place place;
    Map<String, String> variables;

    @BeforeAll
    void aCommunityWithAPoll() {
        place = world.place(3);
        Round poll = world.openPoll(place, "权限测试", false);
        variables = Map.of("roundId", Long.toString(poll.id()), "householdId",
                Long.toString(place.households().get(0).id()), "buildingId", Long.toString(place.building().id()),
                "groupId", Long.toString(place.group().id()), "number", "999999", "importId", "999999");
    }

    @Test
    void eachRoleIsRefusedExactlyWhatItsRoleDoesNotAllow() throws Exception {
        List<ConsoleEndpoints.Endpoint> changing = ConsoleEndpoints.underCommunity(context).stream()
                .filter(endpoint -> endpoint.method() == RequestMethod.POST).toList();
        assertThat(changing).allSatisfy(endpoint -> assertThat(endpoint.handler().hasMethodAnnotation(Requires.class))
                .as(endpoint + " names what it requires").isTrue());
        for (ConsoleRole role : List.of(ConsoleRole.SUPERVISOR, ConsoleRole.COUNCIL, ConsoleRole.STAFF)) {
            ConsoleClient client = new ConsoleClient(context).signInFirstTime(place.account(role));
            int entries = audit.latestOfCommunity(place.id(), 100_000).size();
            for (ConsoleEndpoints.Endpoint endpoint : changing) {
                Capability needed = endpoint.handler().getMethodAnnotation(Requires.class).value();
                if (role.may(needed)) {
                    continue;
                }
                MvcResult refused = CommunityIsolationTest.call(client, endpoint, place.id(), variables, forged());
                assertThat(refused.getResponse().getStatus()).as(role + " " + endpoint).isEqualTo(403);
            }
            assertThat(audit.latestOfCommunity(place.id(), 100_000)).as(role + " changed nothing").hasSize(entries);
            for (ConsoleEndpoints.Endpoint page : List.of(get("/admin/c/{communityId}"),
                    get("/admin/c/{communityId}/rounds/{roundId}"), get("/admin/c/{communityId}/audit"))) {
                assertThat(CommunityIsolationTest.call(client, page, place.id(), variables, Map.of())
                        .getResponse().getStatus()).as(role + " reads " + page).isEqualTo(200);
            }
        }
        assertThat(ConsoleRole.SUPERVISOR.grants()).isEmpty();
    }

    private static ConsoleEndpoints.Endpoint get(String path) {
        return new ConsoleEndpoints.Endpoint(RequestMethod.GET, path, null);
    }

    /** What a forged request carries: every console form field, naming place's things. */
    private Map<String, String> forged() {
        return ConsoleEndpoints.everyFormField(place, "不该发生");
    }
}
