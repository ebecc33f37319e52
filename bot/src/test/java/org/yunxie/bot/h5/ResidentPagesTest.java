package org.yunxie.bot.h5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/** What a resident page does with links and requests it should not trust: it says so and changes nothing. */
@EmbeddedDemoTest
class ResidentPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    SignedLinks links;
    @Autowired
    Rounds rounds;
    @Autowired
    Roster roster;
    @Autowired
    Ballots ballots;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anAlteredLinkGetsAPageSayingSoAndNoRedirectToWeChat() throws Exception {
        String good = links.path(SignedLinks.Target.ROUND, poll().id(), Instant.now().plusSeconds(3600));
        HttpResponse<String> altered = get(good.replace("/h5/r/" + poll().id(), "/h5/r/" + (poll().id() + 1)));

        assertThat(altered.statusCode()).isEqualTo(403);
        assertThat(altered.body()).contains("这个链接被改动过", "什么都没有记录");
    }

    @Test
    void anExpiredLinkIsGone() throws Exception {
        HttpResponse<String> expired = get(links.path(SignedLinks.Target.ROUND, poll().id(),
                Instant.now().minusSeconds(60)));

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("这个链接已经过期");
    }

    @Test
    void aGoodLinkSendsAnUnknownVisitorToWeChatToBeIdentifiedSilently() throws Exception {
        HttpResponse<String> first = get(links.path(SignedLinks.Target.ROUND, poll().id(),
                Instant.now().plusSeconds(3600)));

        assertThat(first.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/connect/oauth2/authorize?appid=wx-sandbox-official-account",
                "scope=snsapi_base", "state=", "redirect_uri=");
    }

    @Test
    void aReturnFromWeChatWithAStateOfAnotherSessionIsRefused() throws Exception {
        get(links.path(SignedLinks.Target.ROUND, poll().id(), Instant.now().plusSeconds(3600)));

        HttpResponse<String> forged = get("/h5/oauth?code=sandbox-code-x&state=not-the-one-we-sent");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("没能确认您的微信身份");
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndRecordsNothing() throws Exception {
        Round poll = poll();
        int before = ballots.respondedHouseholds(poll.id()).size();
        String link = links.path(SignedLinks.Target.ROUND, poll.id(), Instant.now().plusSeconds(3600));
        String query = link.substring(link.indexOf('?') + 1);

        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(base() + "/h5/r/" + poll.id()
                        + "/choose")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query + "&value=A")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(before);
    }

    private Round poll() {
        return rounds.findByNumber(roster.communities().get(0).id(), 2).orElseThrow();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
