package org.yunxie.bot.command;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.costshare.Ledger;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.OptionSpec;

/**
 * "#我的": for each of the sender's households, its ballots and pledges in the rounds of the last month,
 * with receipt codes and, in a cost share, the amount and where its ledger line stands.
 */
@Component
class MineCommand implements Command {

    static final Duration LOOK_BACK = Duration.ofDays(30);

    private final Rounds rounds;
    private final Ballots ballots;
    private final Ledger ledger;
    private final Replies replies;
    private final Clock clock;

    MineCommand(Rounds rounds, Ballots ballots, Ledger ledger, Replies replies, Clock clock) {
        this.rounds = rounds;
        this.ballots = ballots;
        this.ledger = ledger;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "我的";
    }

    @Override
    public List<String> aliases() {
        return List.of("mine", "我家", "查询");
    }

    @Override
    public String usageKey() {
        return "usage.mine";
    }

    @Override
    public Reply run(Invocation invocation) {
        List<Binding> bindings = invocation.speaker().bindingsHere();
        if (invocation.speaker().member() == null || bindings.isEmpty()) {
            return replies.text("reply.not-bound");
        }
        List<Round> recent = rounds.openedSince(invocation.speaker().communityId(), clock.instant().minus(LOOK_BACK));
        boolean inGroup = invocation.speaker().group() != null;
        StringBuilder text = new StringBuilder();
        for (Binding binding : bindings) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(replies.wording().text("mine.household", binding.unitLabel(),
                    replies.wording().label("role", binding.role())));
            recent.forEach(round -> line(round, binding, inGroup).ifPresent(line -> text.append('\n').append(line)));
        }
        return new Reply(text.toString());
    }

    private Optional<String> line(Round round, Binding binding, boolean inGroup) {
        Optional<RollHousehold> onRoll = rounds.roll(round.id()).stream()
                .filter(entry -> entry.householdId() == binding.householdId()).findFirst();
        if (onRoll.isEmpty() || round.kind() == RoundKind.PROPOSAL_CALL) {
            return Optional.empty();
        }
        Optional<String> choice = ballots.ownChoice(round, binding.householdId());
        if (choice.isEmpty()) {
            return Optional.of(replies.wording().text("mine.pending", round.number(), round.title(),
                    replies.wording().time(round.closingAt())));
        }
        String receipt = ballots.receipt(round.id(), binding.householdId()).orElse("-");
        if (round.secret() && inGroup) {
            // The group reads along: a secret ballot is only shown as cast, as when it was recorded.
            return Optional.of(replies.wording().text("mine.secret", round.number(), round.title(), receipt));
        }
        List<OptionSpec> options = rounds.options(round.id());
        String labels = replies.wording().list(Arrays.stream(choice.get().split(","))
                .map(key -> options.stream().filter(o -> o.key().equals(key)).map(OptionSpec::label).findFirst()
                        .orElse(key)).toList());
        String line = replies.wording().text("mine.chosen", round.number(), round.title(), labels, receipt);
        if (round.kind() == RoundKind.COST_SHARE && onRoll.get().shareFen() != null) {
            String yuan = replies.wording().yuan(onRoll.get().shareFen());
            line += ledger.line(round.id(), binding.householdId())
                    .map(entry -> replies.wording().text("mine.share.status", yuan,
                            replies.wording().label("ledger", entry.status())))
                    .orElse(replies.wording().text("mine.share", yuan));
        }
        return Optional.of(line);
    }
}
