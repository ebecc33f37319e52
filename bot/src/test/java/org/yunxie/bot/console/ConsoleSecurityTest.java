package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.ConsoleRole;

/**
 * The console's security as a person at a browser meets it: sign-in with a CSRF token, a new session id at
 * sign-in, throttled guessing, the generated password changed first, strict headers; and the rest of the
 * application (WeCom callbacks, sandbox, health) answering exactly as without the console.
 */
@EmbeddedDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsoleWorld world;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Accounts accounts;

    ConsoleWorld.Place place;

    @BeforeAll
    void aCommunity() {
        place = world.place(2);
    }

    @Test
    void pagesNeedSigningInAndTheLoginPageCarriesStrictHeaders() throws Exception {
        ConsoleClient anonymous = new ConsoleClient(context);
        MvcResult page = anonymous.get("/admin/c/" + place.id() + "/rounds");
        assertThat(page.getResponse().getStatus()).isEqualTo(302);
        assertThat(page.getResponse().getRedirectedUrl()).endsWith("/admin/login");

        MvcResult login = anonymous.get("/admin/login");
        assertThat(login.getResponse().getContentAsString()).contains("工作台登录", "name=\"_csrf\"");
        assertThat(login.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'",
                "frame-ancestors 'none'");
        assertThat(login.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void signingInGivesANewSessionIdAndAGeneratedPasswordMustBeChangedFirst() throws Exception {
        ConsoleClient client = new ConsoleClient(context);
        client.get("/admin/login");
        String before = client.session().getId();
        MvcResult signedIn = client.signIn(place.account(ConsoleRole.SUPERVISOR).account().username(),
                place.account(ConsoleRole.SUPERVISOR).password());

        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(client.session().getId()).isNotEqualTo(before);
        MvcResult dashboard = client.get("/admin/c/" + place.id());
        assertThat(dashboard.getResponse().getRedirectedUrl()).isEqualTo("/admin/password");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        ConsoleClient client = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.STAFF));
        MvcResult forged = client.mvc().perform(MockMvcRequestBuilders.post("/admin/c/" + place.id() + "/rounds")
                .session(client.session()).param("title", "伪造").param("groupId", "" + place.group().id())
                .param("closingAt", "2099-01-01T10:00").param("openNow", "true")).andReturn();

        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(client.get("/admin/c/" + place.id() + "/rounds").getResponse().getContentAsString())
                .doesNotContain("伪造");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsTurnedAwayForThatUsernameOnly() throws Exception {
        var target = place.account(ConsoleRole.COUNCIL);
        ConsoleClient guesser = new ConsoleClient(context);
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.signIn(target.account().username(), "wrong-" + i).getResponse().getRedirectedUrl())
                    .endsWith("/admin/login?error");
        }
        MvcResult right = guesser.signIn(target.account().username(), target.password());
        assertThat(right.getResponse().getRedirectedUrl()).endsWith("/admin/login?locked");
        assertThat(accounts.byId(target.account().id()).orElseThrow().lastLoginAt()).isNull();

        var other = place.account(ConsoleRole.COMMUNITY_ADMIN);
        assertThat(new ConsoleClient(context).signIn(other.account().username(), other.password())
                .getResponse().getRedirectedUrl()).doesNotContain("/admin/login");
    }

    @Test
    void twentyFailuresFromOneAddressTurnAwayEveryUsernameFromThereButNotFromElsewhere() throws Exception {
        ConsoleClient sprayer = new ConsoleClient(context);
        for (int i = 0; i < 20; i++) {
            sprayer.signIn("nobody" + i, "guess");
        }
        var real = world.place(1).account(ConsoleRole.STAFF);
        assertThat(sprayer.signIn(real.account().username(), real.password()).getResponse().getRedirectedUrl())
                .endsWith("/admin/login?locked");
        assertThat(new ConsoleClient(context).signIn(real.account().username(), real.password())
                .getResponse().getRedirectedUrl()).doesNotContain("/admin/login");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        ConsoleClient client = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.STREET_ADMIN));
        assertThat(client.get("/admin/c/" + place.id()).getResponse().getStatus()).isEqualTo(200);

        MvcResult out = client.post("/admin/logout", Map.of());
        assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/admin/login?logout");
        assertThat(client.get("/admin/c/" + place.id()).getResponse().getRedirectedUrl()).endsWith("/admin/login");
    }

    @Test
    void weComCallbacksTheSandboxAndHealthAnswerWithoutSigningInAsBefore() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
        assertThat(health.getHeaders().get("Content-Security-Policy")).isNull();

        ResponseEntity<String> sandbox = http.getForEntity("/sandbox/api/groups", String.class);
        assertThat(sandbox.getStatusCode().value()).isEqualTo(200);
        assertThat(sandbox.getBody()).contains("7号楼业主群");

        // No CSRF token, no session: the robot callback's own answer to a message without signature (400),
        // not a sign-in redirect and not a CSRF refusal.
        HttpHeaders json = new HttpHeaders();
        json.add("Content-Type", "application/json");
        ResponseEntity<String> robot = http.exchange("/wecom/robot", HttpMethod.POST,
                new HttpEntity<>("{\"encrypt\":\"x\"}", json), String.class);
        assertThat(robot.getStatusCode().value()).isEqualTo(400);
        assertThat(robot.getHeaders().getLocation()).isNull();
        assertThat(robot.getHeaders().get("Content-Security-Policy")).isNull();
    }
}
