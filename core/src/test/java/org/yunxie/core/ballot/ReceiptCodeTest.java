package org.yunxie.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.RollLookup;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.round.RoundOptions;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.InsertedAtCommit;
import org.yunxie.core.shared.ReadAhead;
import org.yunxie.core.shared.Transactions;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

/** A receipt code drawn that another household of the round holds already is drawn again, never shared. */
@SpringBootTest
class ReceiptCodeTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CastingBallot casting;
    @Autowired
    RoundMapper rounds;
    @Autowired
    Rounds roundReads;
    @Autowired
    ReadAhead readAhead;
    @Autowired
    BallotMapper ballotRows;
    @Autowired
    BallotSeal seal;
    @Autowired
    LiveTally liveTally;
    @Autowired
    RoundOptions options;
    @Autowired
    Roster roster;
    @Autowired
    RollLookup rollLookup;
    @Autowired
    AuditLog audit;
    @Autowired
    InsertedAtCommit atCommit;
    @Autowired
    Transactions transactions;
    @Autowired
    Clock clock;
    @Autowired
    Ballots ballots;

    @Test
    void aCodeTakenInTheRoundIsDrawnAgainAndTheNeighboursReceiptStaysItsOwn() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long first = fixtures.member(place.household(0), MemberRole.OWNER);
        long second = fixtures.member(place.household(1), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        String taken = casting.cast(request(poll, first, "A")).orElseThrow().receipt();
        String free = taken.equals("ZZZZ") ? "YYYY" : "ZZZZ";
        Iterator<String> draws = List.of(taken, taken, free).iterator();
        CastingBallot drawingTakenCodes = new CastingBallot(
                new BallotBox(rounds, roundReads, ballotRows, seal, liveTally, options, atCommit, readAhead, draws::next), roster, rollLookup, audit,
                transactions, clock);

        BallotRecorded recorded = drawingTakenCodes.cast(request(poll, second, "B")).orElseThrow();

        assertThat(recorded.receipt()).isEqualTo(free);
        assertThat(draws.hasNext()).isFalse();
        assertThat(ballots.householdOfReceipt(poll.id(), taken)).contains(place.household(0).id());
        assertThat(ballots.householdOfReceipt(poll.id(), free)).contains(place.household(1).id());
        assertThat(ballots.ownChoice(poll, place.household(1).id())).contains("B");
    }

    private static BallotRequest request(Round poll, long member, String key) {
        return new BallotRequest(poll.id(), member, null, List.of(key), Channel.WECOM_APP);
    }
}
