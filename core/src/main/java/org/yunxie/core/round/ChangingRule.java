package org.yunxie.core.round;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/** Staff change a draft round's rule; once the round has opened its rule is frozen and changes are refused. */
@Service
public class ChangingRule {

    private final RoundMapper rounds;
    private final AuditLog audit;

    ChangingRule(RoundMapper rounds, AuditLog audit) {
        this.rounds = rounds;
        this.audit = audit;
    }

    @Transactional
    public Result<Round> change(long roundId, DecisionRule rule, Actor actor, Channel channel) {
        Round round = rounds.lockForChange(roundId).orElse(null);
        if (round == null) {
            return Result.refused(RefusalReason.ROUND_NOT_FOUND, roundId);
        }
        if (round.state() != RoundState.DRAFT) {
            return Result.refused(RefusalReason.RULE_FROZEN, round.number());
        }
        rounds.updateRule(roundId, rule);
        audit.of(actor, channel).round(round.communityId(), roundId)
                .record("round.rule_changed", round.rule().summary() + " -> " + rule.summary());
        return Result.done(rounds.findById(roundId).orElseThrow());
    }
}
