package org.yunxie.bot.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.costshare.ShareMode;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.RulePreset;
import org.yunxie.core.shared.Channel;

/**
 * Opens the two demo rounds, each running for a week from now, and casts a few ballots through the same
 * use case the channels use, so coverage and tallies are not zero: the door-access cost share in 7号楼
 * (the Gulou example: 200 yuan per household, binding only if at least 60% of all households confirm) and
 * a handrail poll in 8号楼.
 */
@Component
@WithDemoData
class DemoRounds {

    static final String COST_SHARE_TITLE = "7号楼加装门禁, 每户200元";
    static final String POLL_TITLE = "8号楼楼道加装扶手，您是否同意？";
    static final long DOOR_ACCESS_FEN = 20_000;
    private static final Duration RUNNING = Duration.ofDays(7);

    private final DraftingRound drafting;
    private final OpeningRound opening;
    private final CastingBallot casting;
    private final Clock clock;

    DemoRounds(DraftingRound drafting, OpeningRound opening, CastingBallot casting, Clock clock) {
        this.drafting = drafting;
        this.opening = opening;
        this.casting = casting;
        this.clock = clock;
    }

    List<Round> open(DemoPlace place, Map<String, Long> members) {
        Instant closing = clock.instant().plus(RUNNING);
        Round doorAccess = open(RoundDraft.costShare(place.community().id(), place.group7().id(), COST_SHARE_TITLE,
                        ShareMode.PER_HOUSEHOLD, DOOR_ACCESS_FEN, closing)
                .rule(DecisionRule.of(RulePreset.SIXTY_PERCENT_OF_ALL))
                .body("门禁由物业统一采购安装，费用按户分摊。达到全体户六成确认后生效。"));
        Round handrail = open(RoundDraft.poll(place.community().id(), place.group8().id(), POLL_TITLE, closing)
                .rule(DecisionRule.of(RulePreset.SIMPLE_MAJORITY)));

        // 确认 = A, 不同意 = B. The owner of two units confirms for each; the landlord from afar.
        Ballots pledges = new Ballots(doorAccess, place, members);
        pledges.cast(DemoResidents.TWO_UNIT_OWNER, "7-1-101", "A", Channel.WECOM_APP);
        pledges.cast(DemoResidents.TWO_UNIT_OWNER, "7-1-102", "A", Channel.WECOM_APP);
        pledges.cast("demo.lixiaoyu", "7-1-201", "A", Channel.WECOM_APP);
        pledges.cast(DemoResidents.LANDLORD_OPENID, "7-2-301", "A", Channel.H5);
        pledges.cast("demo.liuyang", "7-2-402", "A", Channel.WECOM_APP);
        pledges.cast("demo.sunli", "7-3-101", "B", Channel.WECOM_APP);
        pledges.cast("demo.wuhua", "7-4-202", "A", Channel.WECOM_APP);
        pledges.cast("wmDemoExt74501", "7-4-501", "A", Channel.H5);

        // 同意 = A, 反对 = B, 弃权 = C.
        Ballots ballots = new Ballots(handrail, place, members);
        ballots.cast("demo.huangmin", "8-1-101", "A", Channel.WECOM_APP);
        ballots.cast("demo.xuling", "8-1-201", "A", Channel.WECOM_APP);
        ballots.cast("demo.heping", "8-2-101", "B", Channel.WECOM_APP);
        ballots.cast("demo.gaofeng", "8-2-301", "A", Channel.WECOM_APP);
        return List.of(doorAccess, handrail);
    }

    private Round open(RoundDraft.Builder draft) {
        Round drafted = drafting.draft(draft.build(), DemoPlace.STAFF, Channel.CONSOLE).orElseThrow();
        return opening.open(drafted.id(), DemoPlace.STAFF, Channel.CONSOLE).orElseThrow();
    }

    /** Casts in one round for a named household, as a channel would after reading "#1 确认". */
    private final class Ballots {
        private final Round round;
        private final DemoPlace place;
        private final Map<String, Long> members;

        Ballots(Round round, DemoPlace place, Map<String, Long> members) {
            this.round = round;
            this.place = place;
            this.members = members;
        }

        void cast(String identity, String unitLabel, String optionKey, Channel channel) {
            casting.cast(new BallotRequest(round.id(), members.get(identity), place.household(unitLabel).id(),
                    List.of(optionKey), channel)).orElseThrow();
        }
    }
}
