package org.yunxie.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.audit.AuditEntry;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

@SpringBootTest
class OfflineBallotTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RecordingOfflineBallot offline;
    @Autowired
    CastingBallot casting;
    @Autowired
    Ballots ballots;
    @Autowired
    AuditLog audit;

    @Test
    void staffEnterAPaperBallotWithItsEvidenceAndWhoEnteredIt() {
        Neighbourhood place = fixtures.building("88.50");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        BallotRecorded recorded = offline.record(poll.id(), place.household(0).id(), List.of("A"), OfflineKind.PAPER,
                "纸质表决票第12号", Fixtures.STAFF).orElseThrow();

        assertThat(recorded.receipt()).isNotBlank();
        Ballot stored = ballots.history(poll, place.household(0).id()).get(0);
        assertThat(stored.offlineKind()).isEqualTo(OfflineKind.PAPER);
        assertThat(stored.evidence()).isEqualTo("纸质表决票第12号");
        assertThat(stored.enteredBy()).isEqualTo(Fixtures.STAFF.label());
        assertThat(stored.channel()).isEqualTo(Channel.OFFLINE);
        assertThat(audit.ofRound(poll.id())).extracting(AuditEntry::action).contains("ballot.entered_offline");
    }

    @Test
    void anOfflineBallotWithoutEvidenceIsRefused() {
        Neighbourhood place = fixtures.building("88.50");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        assertThat(offline.record(poll.id(), place.household(0).id(), List.of("A"), OfflineKind.PHONE, " ",
                Fixtures.STAFF)).isEqualTo(Result.refused(RefusalReason.EVIDENCE_MISSING));
        assertThat(ballots.respondedHouseholds(poll.id())).isEmpty();
    }

    @Test
    void theHouseholdsOwnLaterBallotOverridesTheOneStaffEntered() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        offline.record(poll.id(), place.household(0).id(), List.of("B"), OfflineKind.PROXY, "委托书：王某代投",
                Fixtures.STAFF).orElseThrow();

        BallotRecorded own = casting.cast(new BallotRequest(poll.id(), member, null, List.of("A"), Channel.WECOM_APP))
                .orElseThrow();

        assertThat(own.changed()).isTrue();
        assertThat(ballots.ownChoice(poll, place.household(0).id())).contains("A");
    }

    @Test
    void staffCannotOverrideABallotTheHouseholdCastItself() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        casting.cast(new BallotRequest(poll.id(), member, null, List.of("A"), Channel.WECOM_APP)).orElseThrow();

        Result<BallotRecorded> overriding = offline.record(poll.id(), place.household(0).id(), List.of("B"),
                OfflineKind.PHONE, "电话确认", Fixtures.STAFF);

        assertThat(overriding).isEqualTo(Result.refused(RefusalReason.ALREADY_VOTED_BY_HOUSEHOLD, poll.number(),
                "7-1-101"));
        assertThat(ballots.ownChoice(poll, place.household(0).id())).contains("A");
    }
}
