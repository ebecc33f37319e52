package org.yunxie.core.round;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.yunxie.core.rule.OptionSpec;

/** Reads rounds for the channels and the console. */
@Service
public class Rounds {

    private final RoundMapper mapper;
    private final RoundOptions options;
    private final OpenedRoundsByNumber openedByNumber;

    Rounds(RoundMapper mapper, RoundOptions options, OpenedRoundsByNumber openedByNumber) {
        this.mapper = mapper;
        this.options = options;
        this.openedByNumber = openedByNumber;
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
        return mapper.findOpenInGroup(chatGroupId);
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
