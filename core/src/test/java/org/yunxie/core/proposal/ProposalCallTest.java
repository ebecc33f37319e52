package org.yunxie.core.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.outcome.Outcome;
import org.yunxie.core.outcome.Outcomes;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundState;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.Verdict;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;

@SpringBootTest
class ProposalCallTest {

    private static final String DOOR = "7号楼单元门加装门禁";
    private static final String BIKES = "楼下加装电动车充电桩";

    @Autowired
    Fixtures fixtures;
    @Autowired
    SubmittingProposal submitting;
    @Autowired
    SupportingProposal supporting;
    @Autowired
    RespondingToProposal responding;
    @Autowired
    Proposals proposals;
    @Autowired
    Rounds rounds;
    @Autowired
    ClosingRound closing;
    @Autowired
    Outcomes outcomes;
    @Autowired
    Outbox outbox;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;


    @Test
    void proposalsAreNumberedPerCommunityAndAnotherHouseholdsSupportIsCounted() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00");
        long proposer = fixtures.member(place.household(0), MemberRole.OWNER);
        long neighbour = fixtures.member(place.household(1), MemberRole.TENANT);
        Round call = openCall(place, 3);

        Proposal first = submit(call, proposer, "  " + DOOR + " ").orElseThrow();
        Proposal second = submit(call, neighbour, BIKES).orElseThrow();
        Proposal supported = support(place, first.number(), neighbour).orElseThrow();

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.body()).isEqualTo(DOOR);
        assertThat(first.unitLabel()).isEqualTo("7-1-101");
        assertThat(second.number()).isEqualTo(2);
        assertThat(supported.supports()).isEqualTo(1);
        assertThat(proposals.find(place.community().id(), 1).orElseThrow().supports()).isEqualTo(1);
        assertThat(proposals.ofRound(call.id())).extracting(Proposal::number, Proposal::supports)
                .containsExactly(Tuple.tuple(1, 1), Tuple.tuple(2, 0));

        Neighbourhood elsewhere = fixtures.building("80.00");
        long resident = fixtures.member(elsewhere.household(0), MemberRole.OWNER);
        assertThat(submit(openCall(elsewhere, 3), resident, DOOR).orElseThrow().number()).isEqualTo(1);
    }

    @Test
    void supportingOnesOwnHouseholdsProposalIsRefusedWhoeverInTheHouseholdTries() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long owner = fixtures.member(place.household(0), MemberRole.OWNER);
        long family = fixtures.member(place.household(0), MemberRole.FAMILY);
        Round call = openCall(place, 3);
        Proposal proposal = submit(call, owner, DOOR).orElseThrow();

        assertThat(support(place, proposal.number(), owner))
                .isEqualTo(Result.refused(RefusalReason.OWN_PROPOSAL, proposal.number()));
        assertThat(support(place, proposal.number(), family))
                .isEqualTo(Result.refused(RefusalReason.OWN_PROPOSAL, proposal.number()));
        assertThat(proposals.find(place.community().id(), proposal.number()).orElseThrow().supports()).isZero();
        assertThat(supportRows(proposal)).isZero();
    }

    @Test
    void aSecondSupportFromTheSameHouseholdIsRefusedAndCountedOnce() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long proposer = fixtures.member(place.household(0), MemberRole.OWNER);
        long owner = fixtures.member(place.household(1), MemberRole.OWNER);
        long tenant = fixtures.member(place.household(1), MemberRole.TENANT);
        Round call = openCall(place, 3);
        Proposal proposal = submit(call, proposer, DOOR).orElseThrow();
        support(place, proposal.number(), owner).orElseThrow();

        Result<Proposal> again = support(place, proposal.number(), owner);
        Result<Proposal> fromTenant = support(place, proposal.number(), tenant);

        assertThat(again).isEqualTo(Result.refused(RefusalReason.ALREADY_SUPPORTED, proposal.number(), "7-1-102"));
        assertThat(fromTenant).isEqualTo(Result.refused(RefusalReason.ALREADY_SUPPORTED, proposal.number(), "7-1-102"));
        assertThat(proposals.find(place.community().id(), proposal.number()).orElseThrow().supports()).isEqualTo(1);
        assertThat(supportRows(proposal)).isEqualTo(1);
    }

    @Test
    void reachingTheThresholdFlagsTheProposalOnceAndAnnouncesItOnce() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00", "101.00");
        List<Long> members = members(place);
        Round call = openCall(place, 2);
        Proposal proposal = submit(call, members.get(0), DOOR).orElseThrow();

        Proposal below = support(place, proposal.number(), members.get(1)).orElseThrow();
        assertThat(below.flaggedAt()).isNull();
        assertThat(messages(call, OutboxKind.PROPOSAL_FLAGGED)).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        Instant reached = clock.instant();
        Proposal flagged = support(place, proposal.number(), members.get(2)).orElseThrow();
        clock.advance(Duration.ofMinutes(3));
        Proposal beyond = support(place, proposal.number(), members.get(3)).orElseThrow();

        assertThat(flagged.flaggedAt()).isEqualTo(reached);
        assertThat(beyond.supports()).isEqualTo(3);
        assertThat(beyond.flaggedAt()).isEqualTo(reached);
        List<OutboxMessage> announcements = messages(call, OutboxKind.PROPOSAL_FLAGGED);
        assertThat(announcements).hasSize(1);
        assertThat(Outbox.facts(announcements.get(0)))
                .containsEntry("proposal", proposal.number()).containsEntry("supports", 2);
        assertThat(announcements.get(0).chatGroupId()).isEqualTo(place.group().id());
        assertThat(beyond.promotedRoundId()).as("a call without promotion drafts no poll").isNull();
        assertThat(roundsOfCommunity(place)).isEqualTo(1);
    }

    @Test
    void aCallPromotingOnThresholdDraftsExactlyOnePollFromTheProposalLinkedBothWays() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00", "101.00");
        List<Long> members = members(place);
        Round call = fixtures.open(RoundDraft.proposalCall(place.community().id(), place.group().id(), "楼道改造征集",
                2, fixtures.inADay()).promotingOnThreshold());
        Proposal proposal = submit(call, members.get(0), DOOR).orElseThrow();
        support(place, proposal.number(), members.get(1)).orElseThrow();
        assertThat(roundsOfCommunity(place)).as("below the threshold nothing is drafted").isEqualTo(1);

        Proposal promoted = support(place, proposal.number(), members.get(2)).orElseThrow();
        support(place, proposal.number(), members.get(3)).orElseThrow();

        assertThat(promoted.promotedRoundId()).isNotNull();
        Round poll = rounds.find(promoted.promotedRoundId()).orElseThrow();
        assertThat(poll.state()).isEqualTo(RoundState.DRAFT);
        assertThat(poll.kind()).isEqualTo(RoundKind.POLL);
        assertThat(poll.title()).isEqualTo(DOOR);
        assertThat(poll.communityId()).isEqualTo(place.community().id());
        assertThat(poll.chatGroupId()).isEqualTo(place.group().id());
        assertThat(poll.promotedFromProposalId()).isEqualTo(proposal.id());
        assertThat(proposals.find(place.community().id(), proposal.number()).orElseThrow().promotedRoundId())
                .isEqualTo(poll.id());
        assertThat(roundsOfCommunity(place)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM round WHERE promoted_from_proposal_id = ?",
                Integer.class, proposal.id())).isEqualTo(1);
        assertThat(messages(call, OutboxKind.PROPOSAL_FLAGGED)).hasSize(1);
    }

    @Test
    void aProposalAfterTheDeadlineIsRefusedAndStoredNowhere() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long proposer = fixtures.member(place.household(0), MemberRole.OWNER);
        Round call = openCall(place, 3);
        clock.moveTo(call.closingAt());

        Result<Proposal> late = submit(call, proposer, DOOR);

        assertThat(late).isEqualTo(Result.refused(RefusalReason.ROUND_CLOSED, call.number()));
        assertThat(proposals.ofRound(call.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE community_id = ?", Integer.class,
                place.community().id())).isZero();
        assertThat(proposals.unanswered(place.community().id())).isZero();
        Round next = openCall(place, 3);
        assertThat(submit(next, proposer, DOOR).orElseThrow().number())
                .as("the refused proposal used up no number").isEqualTo(1);
    }

    @Test
    void aSupportAfterTheDeadlineIsRefusedAndNotCounted() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long proposer = fixtures.member(place.household(0), MemberRole.OWNER);
        long neighbour = fixtures.member(place.household(1), MemberRole.OWNER);
        Round call = openCall(place, 1);
        Proposal proposal = submit(call, proposer, DOOR).orElseThrow();
        clock.moveTo(call.closingAt());

        assertThat(support(place, proposal.number(), neighbour))
                .isEqualTo(Result.refused(RefusalReason.ROUND_CLOSED, call.number()));
        Proposal after = proposals.find(place.community().id(), proposal.number()).orElseThrow();
        assertThat(after.supports()).isZero();
        assertThat(after.flaggedAt()).isNull();
    }

    @Test
    void decliningWithoutAReasonIsRefusedAndLeavesTheProposalUnanswered() {
        Neighbourhood place = fixtures.building("88.50");
        long proposer = fixtures.member(place.household(0), MemberRole.OWNER);
        Proposal proposal = submit(openCall(place, 3), proposer, DOOR).orElseThrow();

        assertThat(respond(place, proposal.number(), ProposalResponse.DECLINED, null, null))
                .isEqualTo(Result.refused(RefusalReason.REASON_MISSING, proposal.number()));
        assertThat(respond(place, proposal.number(), ProposalResponse.DECLINED, "  ", null))
                .isEqualTo(Result.refused(RefusalReason.REASON_MISSING, proposal.number()));
        assertThat(proposals.find(place.community().id(), proposal.number()).orElseThrow().answered()).isFalse();
        assertThat(proposals.unanswered(place.community().id())).isEqualTo(1);
    }

    @Test
    void aDeclineWithAReasonRecordsTheReasonWhoAndWhenAndASecondAnswerIsRefused() {
        Neighbourhood place = fixtures.building("88.50");
        long proposer = fixtures.member(place.household(0), MemberRole.OWNER);
        Proposal proposal = submit(openCall(place, 3), proposer, DOOR).orElseThrow();
        clock.advance(Duration.ofHours(2));

        Proposal declined = respond(place, proposal.number(), ProposalResponse.DECLINED, " 超出维修基金使用范围 ", null)
                .orElseThrow();
        Result<Proposal> again = respond(place, proposal.number(), ProposalResponse.ACCEPTED, null, null);

        assertThat(declined.response()).isEqualTo(ProposalResponse.DECLINED);
        assertThat(declined.responseNote()).isEqualTo("超出维修基金使用范围");
        assertThat(declined.respondedBy()).isEqualTo(Fixtures.STAFF.label());
        assertThat(declined.respondedAt()).isEqualTo(clock.instant());
        assertThat(again).isEqualTo(Result.refused(RefusalReason.ALREADY_RESPONDED, proposal.number()));
        Proposal stored = proposals.find(place.community().id(), proposal.number()).orElseThrow();
        assertThat(stored.response()).isEqualTo(ProposalResponse.DECLINED);
        assertThat(stored.responseNote()).isEqualTo("超出维修基金使用范围");
    }

    @Test
    void mergingNeedsAnotherExistingProposalOfTheCommunity() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long first = fixtures.member(place.household(0), MemberRole.OWNER);
        long second = fixtures.member(place.household(1), MemberRole.OWNER);
        Round call = openCall(place, 3);
        Proposal duplicate = submit(call, first, "单元门装门禁").orElseThrow();
        Proposal original = submit(call, second, DOOR).orElseThrow();
        Neighbourhood elsewhere = fixtures.building("80.00");
        long stranger = fixtures.member(elsewhere.household(0), MemberRole.OWNER);
        submit(openCall(elsewhere, 3), stranger, DOOR).orElseThrow();
        submit(openCall(elsewhere, 3), stranger, BIKES).orElseThrow();
        submit(openCall(elsewhere, 3), stranger, "第三个提案").orElseThrow();

        assertThat(respond(place, duplicate.number(), ProposalResponse.MERGED, null, duplicate.number()))
                .isEqualTo(Result.refused(RefusalReason.MERGE_TARGET_MISSING, duplicate.number()));
        assertThat(respond(place, duplicate.number(), ProposalResponse.MERGED, null, null))
                .isEqualTo(Result.refused(RefusalReason.MERGE_TARGET_MISSING, duplicate.number()));
        assertThat(respond(place, duplicate.number(), ProposalResponse.MERGED, null, 3))
                .as("P3 exists only in another community")
                .isEqualTo(Result.refused(RefusalReason.PROPOSAL_NOT_FOUND, 3));
        assertThat(proposals.find(place.community().id(), duplicate.number()).orElseThrow().answered()).isFalse();

        Proposal merged = respond(place, duplicate.number(), ProposalResponse.MERGED, null, original.number())
                .orElseThrow();

        assertThat(merged.response()).isEqualTo(ProposalResponse.MERGED);
        assertThat(merged.mergedIntoId()).isEqualTo(original.id());
        assertThat(proposals.unanswered(place.community().id())).isEqualTo(1);
    }

    @Test
    void anAnsweredProposalTakesNoMoreSupport() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long proposer = fixtures.member(place.household(0), MemberRole.OWNER);
        long neighbour = fixtures.member(place.household(1), MemberRole.OWNER);
        Round call = openCall(place, 3);
        Proposal proposal = submit(call, proposer, DOOR).orElseThrow();
        respond(place, proposal.number(), ProposalResponse.DECLINED, "已列入明年计划", null).orElseThrow();

        assertThat(supporting.support(place.community().id(), proposal.number(), neighbour, null, Channel.WECOM_APP))
                .isEqualTo(Result.refused(RefusalReason.ALREADY_RESPONDED, proposal.number()));
        assertThat(proposals.find(place.community().id(), proposal.number()).orElseThrow().supports()).isZero();
    }

    @Test
    void unansweredCountsTheCommunitysProposalsWithoutAnAnswer() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long first = fixtures.member(place.household(0), MemberRole.OWNER);
        long second = fixtures.member(place.household(1), MemberRole.OWNER);
        Round call = openCall(place, 3);
        submit(call, first, DOOR).orElseThrow();
        submit(call, second, BIKES).orElseThrow();
        submit(call, second, "楼道灯改声控").orElseThrow();
        assertThat(proposals.unanswered(place.community().id())).isEqualTo(3);

        respond(place, 1, ProposalResponse.ACCEPTED, null, null).orElseThrow();
        respond(place, 2, ProposalResponse.DECLINED, null, null);

        assertThat(proposals.unanswered(place.community().id())).isEqualTo(2);
        respond(place, 3, ProposalResponse.MERGED, null, 1).orElseThrow();
        respond(place, 2, ProposalResponse.DECLINED, "已由物业排期", null).orElseThrow();
        assertThat(proposals.unanswered(place.community().id())).isZero();
    }

    @Test
    void closingTheCallStoresACollectedOutcomeWithTheHouseholdsThatProposedOrSupported() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00", "101.00", "66.60");
        List<Long> members = members(place);
        long family = fixtures.member(place.household(0), MemberRole.FAMILY);
        Round call = openCall(place, 3);
        Proposal door = submit(call, members.get(0), DOOR).orElseThrow();
        submit(call, family, "楼道灯改声控").orElseThrow();
        support(place, door.number(), members.get(1)).orElseThrow();
        Proposal bikes = submit(call, members.get(2), BIKES).orElseThrow();
        support(place, door.number(), members.get(2)).orElseThrow();
        support(place, bikes.number(), members.get(0)).orElseThrow();
        support(place, door.number(), members.get(3)).orElseThrow();
        assertThat(submit(call, members.get(4), "  ")).as("a refused proposal is no participation")
                .isEqualTo(Result.refused(RefusalReason.PROPOSAL_EMPTY, 1000));

        Outcome outcome = closing.close(call.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(outcome.verdict()).isEqualTo(Verdict.COLLECTED);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.adoptedOptions()).isNull();
        assertThat(outcome.eligibleHouseholds()).isEqualTo(5);
        assertThat(outcome.participatingHouseholds()).isEqualTo(4);
        assertThat(outcome.participatingArea()).isEqualByComparingTo(new BigDecimal("356.50"));
        assertThat(outcomes.ofRound(call.id()).orElseThrow()).isEqualTo(outcome);
        assertThat(proposals.participants(call.id())).containsExactlyInAnyOrder(
                place.household(0).id(), place.household(1).id(), place.household(2).id(), place.household(3).id());
        assertThat(rounds.find(call.id()).orElseThrow().state()).isEqualTo(RoundState.CLOSED);
        assertThat(messages(call, OutboxKind.OUTCOME)).hasSize(1);
    }

    private Round openCall(Neighbourhood place, int supportThreshold) {
        return fixtures.open(RoundDraft.proposalCall(place.community().id(), place.group().id(), "楼道改造征集",
                supportThreshold, fixtures.inADay()));
    }

    private List<Long> members(Neighbourhood place) {
        return place.households().stream().map(household -> fixtures.member(household, MemberRole.OWNER)).toList();
    }

    private Result<Proposal> submit(Round call, long member, String text) {
        return submitting.submit(call.id(), member, null, text, Channel.WECOM_ROBOT);
    }

    private Result<Proposal> support(Neighbourhood place, int number, long member) {
        return supporting.support(place.community().id(), number, member, null, Channel.WECOM_ROBOT);
    }

    private Result<Proposal> respond(Neighbourhood place, int number, ProposalResponse response, String note,
                                     Integer mergedInto) {
        return responding.respond(place.community().id(), number, response, note, mergedInto, Fixtures.STAFF,
                Channel.CONSOLE);
    }

    private List<OutboxMessage> messages(Round round, OutboxKind kind) {
        return outbox.ofRound(round.id()).stream().filter(message -> message.kind() == kind).toList();
    }

    private int supportRows(Proposal proposal) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", Integer.class,
                proposal.id());
    }

    private int roundsOfCommunity(Neighbourhood place) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM round WHERE community_id = ?", Integer.class,
                place.community().id());
    }
}
