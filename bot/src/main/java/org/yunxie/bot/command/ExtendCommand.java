package org.yunxie.bot.command;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunxie.core.round.ExtendingRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Result;

/** "#延期 12 3天 参与户数不足": staff move a round's deadline later, with the reason told to the group. */
@Component
class ExtendCommand extends StaffRoundCommand {

    private final ExtendingRound extending;
    private final Clock clock;

    ExtendCommand(RoundFinder finder, Replies replies, ExtendingRound extending, Clock clock) {
        super(finder, replies);
        this.extending = extending;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "延期";
    }

    @Override
    public List<String> aliases() {
        return List.of("extend", "延长");
    }

    @Override
    public String usageKey() {
        return "usage.extend";
    }

    @Override
    Reply act(Round round, Invocation invocation) {
        // The free text is as typed: read the round number and the deadline in normalized form (１２ is 12).
        String text = TextNormalizer.normalize(invocation.line().freeText())
                .replaceFirst("^#?\\s*" + round.number() + "(\\s|$)", "").strip();
        // A span counts from the current deadline: "延期 3天" gives three more days.
        Optional<DeadlineParser.Parsed> parsed = DeadlineParser.parsePrefix(text,
                round.closingAt().isAfter(clock.instant()) ? round.closingAt() : clock.instant(),
                replies.wording().zone());
        if (parsed.isEmpty()) {
            return replies.text("usage.extend");
        }
        Result<Round> extended = extending.extend(round.id(), parsed.get().deadline(), parsed.get().rest(),
                invocation.speaker().staff().actor(), invocation.sender().channel());
        if (!extended.isDone()) {
            return replies.refusal(extended);
        }
        return replies.text("extend.done", round.number(), replies.wording().time(extended.orElseThrow().closingAt()));
    }
}
