package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.admin.web.Requires;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.account.Capability;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.ballot.OfflineKind;
import org.yunxie.core.ballot.RecordingOfflineBallot;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.roster.Household;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;

/**
 * Every page of the console, for every role, in both languages: each GET handler is found in the
 * application's own mappings (so a new page is covered the day it is added) and read by an account of each
 * role on a community with a closed cost share, a proposal, an import and a ballot photo. Every page
 * answers 200 in the language chosen and names no message key it lacks, except that a page for changing
 * something (a form) and the account pages answer 403 to a role without that right.
 */
@EmbeddedDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTest {

    private static final Pattern IMPORT = Pattern.compile("/roster/imports/(\\d+)$");
    private static final Pattern PHOTO = Pattern.compile("/evidence/(r\\d+-h\\d+-[0-9a-f]{16}\\.jpg)");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsoleWorld world;
    @Autowired
    RecordingOfflineBallot offline;
    @Autowired
    ClosingRound closing;
    @Autowired
    ProposalSetup proposals;

    ConsoleWorld.Place place;
    Map<String, String> variables;
    Map<ConsoleRole, ConsoleClient> clients = new EnumMap<>(ConsoleRole.class);

    @BeforeAll
    void aCommunityWithSomethingOnEveryPage() throws Exception {
        place = world.place(3);
        Round share = world.openCostShare(place, "页面测试分摊", 30_000);
        int proposal = proposals.submitOne(place);
        for (ConsoleRole role : ConsoleRole.values()) {
            clients.put(role, new ConsoleClient(context).signInFirstTime(place.account(role)));
        }
        ConsoleClient staff = clients.get(ConsoleRole.STAFF);

        String imported = staff.send(MockMvcRequestBuilders.multipart("/admin/c/" + place.id() + "/roster/imports")
                .file("file", "楼栋,户号,面积\n1号楼,1-1-101,81\n1号楼,1-1-999,66\n".getBytes()), Map.of())
                .getResponse().getRedirectedUrl();
        Matcher upload = IMPORT.matcher(imported);
        assertThat(upload.find()).as("the upload leads to its import page: " + imported).isTrue();

        String base = "/admin/c/" + place.id() + "/rounds/" + share.id();
        long first = place.households().get(0).id();
        staff.send(MockMvcRequestBuilders.multipart(base + "/ballots").file("photo", JPEG),
                Map.of("householdId", Long.toString(first), "choice", "A", "how", "PAPER", "evidence", "纸质票 1 号"));
        for (Household household : place.households().subList(1, place.households().size())) {
            offline.record(share.id(), household.id(), List.of("A"), OfflineKind.PAPER, "纸质票", ConsoleWorld.SETUP)
                    .orElseThrow();
        }
        closing.close(share.id(), ConsoleWorld.SETUP, Channel.CONSOLE).orElseThrow();
        Matcher photo = PHOTO.matcher(staff.get(base).getResponse().getContentAsString());
        assertThat(photo.find()).as("the round page links the ballot's photo").isTrue();

        variables = Map.of("roundId", Long.toString(share.id()), "householdId", Long.toString(first),
                "buildingId", Long.toString(place.building().id()), "groupId", Long.toString(place.group().id()),
                "number", Integer.toString(proposal), "importId", upload.group(1), "file", photo.group(1));
    }

    @Test
    void everyRoleReadsEveryPageOfItsCommunityInBothLanguages() throws Exception {
        List<ConsoleEndpoints.Endpoint> pages = new ArrayList<>(ConsoleEndpoints.underCommunity(context).stream()
                .filter(endpoint -> endpoint.method() == RequestMethod.GET).toList());
        assertThat(pages).as("the community's pages").hasSizeGreaterThan(15);
        for (String path : List.of("/admin/password")) {
            pages.add(new ConsoleEndpoints.Endpoint(RequestMethod.GET, path, null));
        }
        for (ConsoleRole role : ConsoleRole.values()) {
            ConsoleClient client = clients.get(role);
            for (String language : List.of("zh-CN", "en")) {
                client.get("/admin/password?lang=" + language);
                for (ConsoleEndpoints.Endpoint page : pages) {
                    MockHttpServletResponse response = client.get(page.url(place.id(), variables)).getResponse();
                    String what = role + " " + language + " " + page;
                    Requires requires = page.handler() == null ? null : page.handler().getMethodAnnotation(Requires.class);
                    if (requires != null && !role.may(requires.value())) {
                        assertThat(response.getStatus()).as(what).isEqualTo(403);
                        continue;
                    }
                    assertThat(response.getStatus()).as(what).isEqualTo(200);
                    if (String.valueOf(response.getContentType()).startsWith("text/html")) {
                        assertThat(response.getContentAsString()).as(what).doesNotContain("??")
                                .contains("lang=\"" + language + "\"");
                    } else {
                        assertThat(response.getContentAsByteArray()).as(what).isNotEmpty();
                    }
                }
                int accounts = client.get("/admin/accounts").getResponse().getStatus();
                assertThat(accounts).as(role + " accounts page")
                        .isEqualTo(role.may(Capability.MANAGE_ACCOUNTS) ? 200 : 403);
            }
        }
    }

    @Test
    void theEvidencePhotoIsServedAsTheImageItWas() throws Exception {
        ConsoleClient supervisor = clients.get(ConsoleRole.SUPERVISOR);
        MockHttpServletResponse photo = supervisor.get(new ConsoleEndpoints.Endpoint(RequestMethod.GET,
                "/admin/c/{communityId}/rounds/{roundId}/evidence/{file:.+}", null).url(place.id(), variables))
                .getResponse();
        assertThat(photo.getContentType()).isEqualTo("image/jpeg");
        assertThat(photo.getContentAsByteArray()).isEqualTo(JPEG);
        Map<String, String> otherRound = new HashMap<>(variables);
        otherRound.put("file", variables.get("file").replaceFirst("^r\\d+", "r0"));
        assertThat(supervisor.get(new ConsoleEndpoints.Endpoint(RequestMethod.GET,
                "/admin/c/{communityId}/rounds/{roundId}/evidence/{file:.+}", null).url(place.id(), otherRound))
                .getResponse().getStatus()).isEqualTo(404);
    }
}
