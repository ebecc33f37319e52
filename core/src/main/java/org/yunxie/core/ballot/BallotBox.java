package org.yunxie.core.ballot;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.round.RoundOptions;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.InsertedAtCommit;
import org.yunxie.core.shared.ReadAhead;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * Where ballots go in, for every channel: checks that the round takes ballots, reads the choice against
 * the round's options, and stores the household's current ballot, its history and its receipt. Callers
 * hold a transaction; the round's shared lock keeps closing from slipping in between.
 */
@Component
class BallotBox {

    private static final String RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int RECEIPT_LENGTH = 4;
    private static final ReadAhead.Kind<MemberInRound, List<PlaceOnRoll>> PLACES =
            new ReadAhead.Kind<>("places on roll");

    /** A member in a round: whose places on its roll a ballot reads. */
    record MemberInRound(long roundId, long memberId) {
    }

    private final RoundMapper rounds;
    private final Rounds roundReads;
    private final ReadAhead readAhead;
    private final BallotMapper ballots;
    private final BallotSeal seal;
    private final LiveTally liveTally;
    private final RoundOptions options;
    private final InsertedAtCommit atCommit;
    private final InsertedAtCommit.Table<Ballot> current;
    private final InsertedAtCommit.Table<Ballot> history;
    private final SecureRandom random = new SecureRandom();
    private final Supplier<String> codes;

    @Autowired
    BallotBox(RoundMapper rounds, Rounds roundReads, BallotMapper ballots, BallotSeal seal, LiveTally liveTally,
              RoundOptions options, InsertedAtCommit atCommit, ReadAhead readAhead) {
        this(rounds, roundReads, ballots, seal, liveTally, options, atCommit, readAhead, null);
    }

    /** With the receipt codes drawn from {@code codes} (tests), or at random when null. */
    BallotBox(RoundMapper rounds, Rounds roundReads, BallotMapper ballots, BallotSeal seal, LiveTally liveTally,
              RoundOptions options, InsertedAtCommit atCommit, ReadAhead readAhead, Supplier<String> codes) {
        this.codes = codes != null ? codes : this::drawCode;
        this.atCommit = atCommit;
        // Written before the transaction next reads, so a second ballot of the household in it sees the first.
        this.current = InsertedAtCommit.Table.readBack("ballot", ballots::storeCurrent);
        this.history = new InsertedAtCommit.Table<>("ballot_history", ballots::insertHistory);
        this.rounds = rounds;
        this.roundReads = roundReads;
        this.readAhead = readAhead;
        this.options = options;
        this.ballots = ballots;
        this.seal = seal;
        this.liveTally = liveTally;
    }

    /** The round, locked for a ballot, or why it takes none. */
    Result<Round> roundTakingBallots(long roundId, Instant now) {
        Round round = roundReads.lockForBallot(roundId).orElse(null);
        if (round == null) {
            return Result.refused(RefusalReason.ROUND_NOT_FOUND, roundId);
        }
        if (round.kind() == RoundKind.PROPOSAL_CALL) {
            return Result.refused(RefusalReason.WRONG_ROUND_KIND, round.number(), round.kind());
        }
        if (!round.isAccepting(now)) {
            return Result.refused(round.whyNotAccepting(), round.number());
        }
        return Result.done(round);
    }

    /** The options named by their keys (A, B ...), or why they do not make a valid choice. */
    Result<List<OptionSpec>> options(Round round, List<String> keys) {
        Set<String> wanted = keys.stream().map(key -> key.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<OptionSpec> all = options.of(round);
        List<OptionSpec> chosen = new ArrayList<>();
        for (String key : wanted) {
            Optional<OptionSpec> option = all.stream().filter(o -> o.key().equals(key)).findFirst();
            if (option.isEmpty()) {
                return Result.refused(RefusalReason.OPTION_UNKNOWN, round.number(), key);
            }
            chosen.add(option.get());
        }
        if (chosen.isEmpty()) {
            return Result.refused(RefusalReason.NO_CHOICE, round.number());
        }
        if (chosen.size() > round.maxChoices()) {
            return Result.refused(RefusalReason.TOO_MANY_CHOICES, round.number(), round.maxChoices());
        }
        return Result.done(chosen);
    }

    /** Locks the household's place on the roll; empty when it is not on it. */
    Optional<RollHousehold> lockOnRoll(long roundId, long householdId) {
        return rounds.lockRollHousehold(roundId, householdId);
    }

    /**
     * The member's households on the round's roll, each with its current ballot, locked until the transaction
     * ends so that ballots of one household are recorded one after the other.
     */
    List<PlaceOnRoll> lockPlacesOnRoll(long memberId, Round round, Long named) {
        // Taken, not only read: a second ballot of the member in this transaction must see the first one.
        List<PlaceOnRoll> ahead = readAhead.take(PLACES, new MemberInRound(round.id(), memberId));
        if (ahead == null) {
            return ballots.lockPlacesOnRoll(round.id(), memberId, named);
        }
        return named == null ? ahead : ahead.stream().filter(place -> place.householdId() == named).toList();
    }

    /**
     * Locks the places of these members on these rounds' rolls with one statement and keeps them for
     * {@link #lockPlacesOnRoll} until the transaction running now ends ({@link ReadAhead}): for votes answered
     * together. A place is kept until a ballot of its household is stored.
     */
    void lockPlacesAhead(Collection<MemberInRound> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        Map<MemberInRound, List<PlaceOnRoll>> places = new HashMap<>();
        wanted.forEach(key -> places.put(key, new ArrayList<>()));
        for (PlaceOnRoll place : ballots.lockPlacesOfMembers(List.copyOf(wanted))) {
            List<PlaceOnRoll> ofMember = places.get(new MemberInRound(place.roundId(), place.voterId()));
            if (ofMember != null) {
                ofMember.add(place);
            }
        }
        readAhead.keep(PLACES, places);
    }

    /** The household's current ballot with its receipt. */
    Optional<HeldBallot> current(long roundId, long householdId) {
        return ballots.findHeld(roundId, householdId);
    }

    /**
     * The receipt of the household's current ballot when it already says exactly this, cast by this same member
     * (not entered by staff): sending the same choice again changes nothing. This is also what makes a command
     * run again after its commit reached the database but the answer was lost with the connection (the
     * database went away at that moment) record nothing twice.
     */
    Optional<String> unchanged(Round round, HeldBallot held, long memberId, List<OptionSpec> chosen) {
        Ballot current = held.ballot();
        if (current.offlineKind() != null || current.memberId() == null || current.memberId() != memberId) {
            return Optional.empty();
        }
        String keys = chosen.stream().map(OptionSpec::key).sorted().collect(Collectors.joining(","));
        String before = current.sealedChoice() != null
                ? seal.open(round.id(), current.householdId(), current.sealedChoice()) : current.choice();
        return keys.equals(before) ? Optional.ofNullable(held.receipt()) : Optional.empty();
    }

    /**
     * Stores the ballot as current (in place of the held one, if any), appends it to the history and returns
     * the household's receipt code: the held ballot's, else a new one. The current ballot and the history are
     * written with the transaction's other ballots, the current one before the transaction next reads.
     */
    String store(Round round, Ballot ballot, List<OptionSpec> chosen, Optional<HeldBallot> held, Instant now) {
        String keys = chosen.stream().map(OptionSpec::key).sorted().collect(Collectors.joining(","));
        Ballot stored = round.secret()
                ? withChoice(ballot, null, seal.seal(round.id(), ballot.householdId(), keys))
                : withChoice(ballot, keys, null);
        atCommit.insert(current, stored);
        atCommit.insert(history, stored);
        readAhead.forget(PLACES, places -> places.stream().anyMatch(
                place -> place.roundId() == round.id() && place.householdId() == ballot.householdId()));
        liveTally.forgetAfterCommit(round.id());
        String receipt = held.map(HeldBallot::receipt).orElse(null);
        return receipt != null ? receipt : newReceipt(round.id(), ballot.householdId(), now);
    }

    /**
     * Draws a code until one is free in the round: tried by inserting it (the round's codes are unique), as a
     * draw is taken in fewer than one in 200 inserts even in a 5,000-household round.
     */
    private String newReceipt(long roundId, long householdId, Instant now) {
        while (true) {
            String code = codes.get();
            try {
                ballots.insertReceipt(roundId, householdId, code, now);
                return code;
            } catch (DuplicateKeyException taken) {
                // The code is another household's, or this household has one already (kept since an earlier
                // ballot): that one stays its receipt. A failed insert leaves the transaction as it was.
                Optional<String> own = ballots.findReceipt(roundId, householdId);
                if (own.isPresent()) {
                    return own.get();
                }
            }
        }
    }

    private String drawCode() {
        StringBuilder draw = new StringBuilder(RECEIPT_LENGTH);
        for (int i = 0; i < RECEIPT_LENGTH; i++) {
            draw.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
        }
        return draw.toString();
    }

    private static Ballot withChoice(Ballot b, String choice, String sealed) {
        return new Ballot(b.id(), b.roundId(), b.householdId(), choice, sealed, b.memberId(), b.channel(),
                b.offlineKind(), b.evidence(), b.enteredBy(), b.castAt());
    }
}
