package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.account.Account;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.ConsoleRole;

/**
 * Accounts: an administrator creates one for its community with a password shown once, resets and disables
 * it; nobody grants more than they have; the operator creates the first administrator from the command line.
 */
@EmbeddedDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest {

    private static final Pattern ISSUED = Pattern.compile("id=\"issued-password\">([^<]+)<");

    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsoleWorld world;
    @Autowired
    Accounts accounts;

    ConsoleWorld.Place place;
    ConsoleClient admin;

    @BeforeAll
    void signIn() throws Exception {
        place = world.place(1);
        admin = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.COMMUNITY_ADMIN));
    }

    @Test
    void anAdministratorCreatesAStaffAccountWhosePasswordIsShownOnceAndWorks() throws Exception {
        String username = "zhang" + System.nanoTime() % 100_000;
        MvcResult created = admin.post("/admin/accounts", Map.of("username", username.toUpperCase(), "displayName",
                "张社工", "role", "STAFF", "communities", Long.toString(place.id())));
        String password = issued(created);

        Account account = accounts.byUsername(username).orElseThrow();
        assertThat(account.role()).isEqualTo(ConsoleRole.STAFF);
        assertThat(account.passwordHash()).startsWith("$2").doesNotContain(password);
        assertThat(accounts.communityIds(account)).containsExactly(place.id());
        assertThat(admin.get("/admin/accounts").getResponse().getContentAsString()).contains(username, "张社工")
                .doesNotContain(password);
        ConsoleClient newcomer = new ConsoleClient(context);
        assertThat(newcomer.signIn(username, password).getResponse().getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void aCommunityAdministratorCannotMakeAStreetAdministratorOrReachAnotherCommunity() throws Exception {
        ConsoleWorld.Place other = world.place(1);
        MvcResult street = admin.post("/admin/accounts", Map.of("username", "boss" + System.nanoTime() % 100_000,
                "displayName", "越权", "role", "STREET_ADMIN", "communities", Long.toString(place.id())));
        MvcResult elsewhere = admin.post("/admin/accounts", Map.of("username", "spy" + System.nanoTime() % 100_000,
                "displayName", "越权", "role", "STAFF", "communities", Long.toString(other.id())));

        assertThat(street.getFlashMap().get("problem")).isEqualTo("您不能授予这个角色或这些社区。");
        assertThat(elsewhere.getFlashMap().get("problem")).isEqualTo("您不能授予这个角色或这些社区。");
        assertThat(admin.get("/admin/accounts").getResponse().getContentAsString()).doesNotContain("越权");
    }

    @Test
    void aResetGivesANewPasswordOnceAndDisablingLocksTheAccountOut() throws Exception {
        var supervisor = place.account(ConsoleRole.SUPERVISOR);
        ConsoleClient theirs = new ConsoleClient(context).signInFirstTime(supervisor);
        long id = supervisor.account().id();

        String fresh = issued(admin.post("/admin/accounts/" + id + "/reset", Map.of()));
        assertThat(new ConsoleClient(context).signIn(supervisor.account().username(), ConsoleClient.PASSWORD)
                .getResponse().getRedirectedUrl()).endsWith("?error");
        assertThat(accounts.byId(id).orElseThrow().mustChangePassword()).isTrue();
        assertThat(fresh).matches("[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}");

        admin.post("/admin/accounts/" + id + "/disable", Map.of());
        assertThat(theirs.get("/admin/c/" + place.id()).getResponse().getStatus()).isEqualTo(403);
        assertThat(new ConsoleClient(context).signIn(supervisor.account().username(), fresh)
                .getResponse().getRedirectedUrl()).endsWith("?error");
    }

    @Test
    void staffWithoutTheRightSeeNoAccountsPage() throws Exception {
        ConsoleClient staff = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.STAFF));
        assertThat(staff.get("/admin/accounts").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theOperatorCreatesAnAdministratorFromTheCommandLineOnceWithAPasswordPrintedOnce()
            throws Exception {
        Object command = context.getBean("consoleCommandLine");
        var run = command.getClass().getDeclaredMethod("run", String.class, String.class, PrintStream.class);
        run.setAccessible(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = "op" + System.nanoTime() % 1_000_000;

        int status = (int) run.invoke(command, name, null, new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(printed).contains("控制台账号 / console account: " + name);
        Matcher password = Pattern.compile("change it at first sign-in\\): (\\S+)").matcher(printed);
        assertThat(password.find()).isTrue();
        Account operator = accounts.byUsername(name).orElseThrow();
        assertThat(operator.role()).isEqualTo(ConsoleRole.STREET_ADMIN);
        assertThat(new ConsoleClient(context).signIn(name, password.group(1)).getResponse().getRedirectedUrl())
                .doesNotContain("error");
        int again = (int) run.invoke(command, name, null, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertThat(again).isEqualTo(1);
    }

    private static String issued(MvcResult result) throws Exception {
        Matcher matcher = ISSUED.matcher(result.getResponse().getContentAsString());
        assertThat(matcher.find()).as("a password shown on the page").isTrue();
        return matcher.group(1);
    }

}
