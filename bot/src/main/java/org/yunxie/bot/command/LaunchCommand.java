package org.yunxie.bot.command;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.shared.Result;

/**
 * "#发起 表决 楼道加装扶手 截止7天 规则过半": staff open a round in the group they are in, at once; the group gets
 * the opening announcement through the outbox.
 */
@Component
class LaunchCommand implements Command {

    private final DraftingRound drafting;
    private final OpeningRound opening;
    private final Replies replies;
    private final Clock clock;

    LaunchCommand(DraftingRound drafting, OpeningRound opening, Replies replies, Clock clock) {
        this.drafting = drafting;
        this.opening = opening;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "发起";
    }

    @Override
    public List<String> aliases() {
        return List.of("launch", "新建");
    }

    @Override
    public String usageKey() {
        return "usage.launch";
    }

    @Override
    public boolean staffOnly() {
        return true;
    }

    @Override
    public Reply run(Invocation invocation) {
        Speaker speaker = invocation.speaker();
        if (speaker.group() == null) {
            return replies.text("launch.in-group");
        }
        Wording wording = replies.wording();
        Optional<LaunchSpec> spec = LaunchSpec.read(invocation.line().freeText(), clock.instant(), wording.zone());
        if (spec.isEmpty()) {
            return replies.text("launch.unclear");
        }
        Result<Round> drafted = drafting.draft(draft(spec.get(), speaker), speaker.staff().actor(),
                invocation.sender().channel());
        if (!drafted.isDone()) {
            return replies.refusal(drafted);
        }
        Result<Round> opened = opening.open(drafted.orElseThrow().id(), speaker.staff().actor(),
                invocation.sender().channel());
        if (!opened.isDone()) {
            return replies.refusal(opened);
        }
        Round round = opened.orElseThrow();
        return replies.text("launch.done", round.number(), wording.label("kind", round.kind()), round.title(),
                wording.time(round.closingAt()), wording.label("rule", round.rulePreset()));
    }

    private static RoundDraft draft(LaunchSpec spec, Speaker speaker) {
        long community = speaker.communityId();
        long group = speaker.group().id();
        RoundDraft.Builder builder = switch (spec.kind()) {
            case POLL -> RoundDraft.poll(community, group, spec.title(), spec.closingAt());
            case COST_SHARE -> RoundDraft.costShare(community, group, spec.title(), spec.shareMode(),
                    spec.amountFen(), spec.closingAt());
            case PROPOSAL_CALL -> RoundDraft.proposalCall(community, group, spec.title(), spec.supportThreshold(),
                    spec.closingAt());
        };
        if (spec.secret()) {
            builder.secrecy(true, false);
        }
        return builder.rule(DecisionRule.of(spec.rule())).build();
    }
}
