package org.yunxie.core.round;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.ReadAhead;

/** Reads rounds for the channels and the console. */
@Service
public class Rounds {

    private static final ReadAhead.Kind<Long, List<Round>> OPEN_IN_GROUP = new ReadAhead.Kind<>("open in group");
    private static final ReadAhead.Kind<Long, Round> LOCKED_FOR_BALLOT = new ReadAhead.Kind<>("locked for ballot");

    private final RoundMapper mapper;
    private final RoundOptions options;
    private final OpenedRoundsByNumber openedByNumber;
    private final ReadAhead readAhead;

    Rounds(RoundMapper mapper, RoundOptions options, OpenedRoundsByNumber openedByNumber, ReadAhead readAhead) {
        this.mapper = mapper;
        this.options = options;
        this.openedByNumber = openedByNumber;
        this.readAhead = readAhead;
    }

    public Optional<Round> find(long id) {
        return mapper.findById(id);
    }

    public Optional<Round> findByNumber(long communityId, int number) {
        return mapper.findByNumber(communityId, number);
    }

    /**
     * As {@link #findByNumber}, for a ballot about to be cast: an opened round may come from memory as first
     * read, so its state may be stale (casting reads the round afresh, under its lock); its id, kind and
     * options, all a ballot needs of it before that, never change once it opens.
     */
    public Optional<Round> findByNumberForBallot(long communityId, int number) {
        return openedByNumber.find(communityId, number);
    }

    public List<Round> openInGroup(long chatGroupId) {
        List<Round> ahead = readAhead.kept(OPEN_IN_GROUP, chatGroupId);
        return ahead != null ? ahead : mapper.findOpenInGroup(chatGroupId);
    }

    /**
     * The round under the shared lock every ballot holds until it commits ({@link RoundMapper#lockForBallot});
     * read ahead when the transaction locked it already ({@link #lockOpenInGroups}).
     */
    public Optional<Round> lockForBallot(long id) {
        Round ahead = readAhead.kept(LOCKED_FOR_BALLOT, id);
        return ahead != null ? Optional.of(ahead) : mapper.lockForBallot(id);
    }

    /**
     * The rounds open in these groups, read and locked for ballots with one statement, and kept for
     * {@link #openInGroup} and {@link #lockForBallot} until the transaction running now ends ({@link ReadAhead}):
     * for votes answered together. Ballots do not change rounds and the lock keeps others from changing them,
     * so what is kept stays true for work that only casts ballots.
     */
    public Map<Long, List<Round>> lockOpenInGroups(Collection<Long> chatGroupIds) {
        Map<Long, List<Round>> open = new HashMap<>();
        chatGroupIds.forEach(id -> open.put(id, List.of()));
        mapper.lockOpenInGroups(List.copyOf(chatGroupIds)).stream()
                .collect(Collectors.groupingBy(Round::chatGroupId, LinkedHashMap::new, Collectors.toList()))
                .forEach(open::put);
        readAhead.keep(OPEN_IN_GROUP, open);
        readAhead.keep(LOCKED_FOR_BALLOT, open.values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(Round::id, round -> round)));
        return open;
    }

    public List<Round> openInCommunity(long communityId) {
        return mapper.findOpenInCommunity(communityId);
    }

    /** Rounds that opened in the community and were still open at {@code since} or later, newest first. */
    public List<Round> openedSince(long communityId, java.time.Instant since) {
        return mapper.findOpenedSince(communityId, since);
    }

    public List<OptionSpec> options(long roundId) {
        return mapper.findOptions(roundId);
    }

    /** The round's options; those of an opened round from memory (they are frozen then). */
    public List<OptionSpec> options(Round round) {
        return options.of(round);
    }

    public List<Long> buildingIds(long roundId) {
        return mapper.findBuildingIds(roundId);
    }

    public List<RollHousehold> roll(long roundId) {
        return mapper.findRoll(roundId);
    }
}
