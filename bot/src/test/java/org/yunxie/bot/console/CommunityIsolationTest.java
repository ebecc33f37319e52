package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.ballot.OfflineKind;
import org.yunxie.core.ballot.RecordingOfflineBallot;
import org.yunxie.core.costshare.Ledger;
import org.yunxie.core.costshare.LedgerLine;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.importing.ImportingRoster;
import org.yunxie.core.importing.RosterCheck;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.overview.Overview;
import org.yunxie.core.roster.Household;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Channel;

/**
 * Staff of community A can read and change nothing of community B, endpoint by endpoint: every console
 * handler under /admin/c/{communityId} is found in the application's own mappings (so a new page is covered
 * the day it is added) and called by A's administrator and A's staff, first with B in the path, then with A
 * in the path and B's round, household, building, group, proposal and import in the rest. Every such call is
 * answered "not found", and afterwards nothing of B has changed.
 */
@EmbeddedDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityIsolationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsoleWorld world;
    @Autowired
    RecordingOfflineBallot offline;
    @Autowired
    ClosingRound closing;
    @Autowired
    Ledger ledger;
    @Autowired
    Rounds rounds;
    @Autowired
    AuditLog audit;
    @Autowired
    Overview overview;
    @Autowired
    ChatGroups groups;
    @Autowired
    Accounts accounts;
    @Autowired
    ImportingRoster importing;
    @Autowired
    ProposalSetup proposals;

    ConsoleWorld.Place a;
    ConsoleWorld.Place b;
    Map<String, String> bVariables;
    Round bPoll;
    Round bShare;

    @BeforeAll
    void twoCommunities() {
        a = world.place(3);
        b = world.place(5);
        bPoll = world.openPoll(b, "B 的表决", false);
        bShare = world.openCostShare(b, "B 的分摊", 10_000);
        for (Household household : b.households()) {
            offline.record(bShare.id(), household.id(), List.of("A"), OfflineKind.PAPER, "纸质票",
                    ConsoleWorld.SETUP).orElseThrow();
        }
        closing.close(bShare.id(), ConsoleWorld.SETUP, Channel.CONSOLE).orElseThrow();
        int proposal = proposals.submitOne(b);
        long upload = importing.record(b.id(), "b.csv", "c" + b.id() + "-0000000000000000.csv",
                new RosterCheck(List.of(), List.of()), ConsoleWorld.SETUP).id();
        bVariables = Map.of("roundId", Long.toString(bShare.id()), "householdId",
                Long.toString(b.households().get(0).id()), "buildingId", Long.toString(b.building().id()),
                "groupId", Long.toString(b.group().id()), "number", Integer.toString(proposal),
                "importId", Long.toString(upload), "file", "r" + bShare.id() + "-h" + b.households().get(0).id()
                        + "-0123456789abcdef.jpg");
    }

    @Test
    void everyCommunityPageAndActionOfBIsNotFoundForStaffOfA() throws Exception {
        Snapshot before = snapshot();
        List<String> checked = new ArrayList<>();
        for (ConsoleRole role : List.of(ConsoleRole.COMMUNITY_ADMIN, ConsoleRole.STAFF)) {
            ConsoleClient client = new ConsoleClient(context).signInFirstTime(a.account(role));
            for (ConsoleEndpoints.Endpoint endpoint : ConsoleEndpoints.underCommunity(context)) {
                MvcResult inB = call(client, endpoint, b.id(), bVariables, forged());
                assertThat(inB.getResponse().getStatus()).as(role + " " + endpoint + " in B").isEqualTo(404);
                assertThat(inB.getResponse().getContentAsString()).as(endpoint.path()).doesNotContain("B 的");
                if (endpoint.namesAThing()) {
                    MvcResult underA = call(client, endpoint, a.id(), bVariables, forged());
                    assertThat(underA.getResponse().getStatus()).as(role + " " + endpoint + " under A").isEqualTo(404);
                } else if (endpoint.method() == RequestMethod.POST) {
                    // Creating in A while naming B's group, buildings or household must not touch B either.
                    call(client, endpoint, a.id(), bVariables, forged());
                }
                checked.add(endpoint.toString());
            }
            for (String action : List.of("reset", "disable")) {
                client.post("/admin/accounts/" + b.account(ConsoleRole.STAFF).account().id() + "/" + action,
                        forged());
            }
        }
        assertThat(checked).as("the console's community endpoints").hasSizeGreaterThan(40)
                .anyMatch(e -> e.contains("/ballots")).anyMatch(e -> e.contains("/ledger/{householdId}"))
                .anyMatch(e -> e.contains("/export.xlsx")).anyMatch(e -> e.contains("/imports/{importId}/apply"));
        assertThat(snapshot()).isEqualTo(before);
    }

    private Snapshot snapshot() {
        return new Snapshot(audit.latestOfCommunity(b.id(), 100_000).size(),
                state(bPoll), state(bShare),
                ledger.ofRound(bShare.id()), overview.proposals(b.id(), false).get(0).respondedAt() == null,
                groups.ofCommunity(b.id()), overview.roster(b.id()).size(),
                accounts.byId(b.account(ConsoleRole.STAFF).account().id()).orElseThrow(),
                importing.find(Long.parseLong(bVariables.get("importId"))).orElseThrow().startedAt() == null);
    }

    /** What staff could change of a round (its publication is the outbox job's, which may run meanwhile). */
    private String state(Round round) {
        Round now = rounds.find(round.id()).orElseThrow();
        return now.state() + " " + now.closingAt() + " " + now.cancelReason();
    }

    private record Snapshot(int auditEntries, String poll, String share, List<LedgerLine> ledger,
                            boolean proposalUnanswered, Object groups, int households, Object staffAccount,
                            boolean importNotStarted) {
    }

    static MvcResult call(ConsoleClient client, ConsoleEndpoints.Endpoint endpoint, long communityId,
                          Map<String, String> variables, Map<String, String> params) throws Exception {
        String path = endpoint.url(communityId, variables);
        if (endpoint.method() == RequestMethod.GET) {
            return client.get(path);
        }
        return client.send(MockMvcRequestBuilders.multipart(path)
                .file("file", "楼栋,户号,面积\n1号楼,1-1-101,99\n".getBytes()), params);
    }

    /** What a forged request carries: every console form field, naming b's things. */
    private Map<String, String> forged() {
        return ConsoleEndpoints.everyFormField(b, "越界");
    }
}
