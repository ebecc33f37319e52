package org.yunxie.bot.console;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.SubmittingProposal;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.shared.Channel;

/** A resident of a test place, bound with a real binding code, who proposes something in an open call. */
@Component
class ProposalSetup {

    private final IssuingBindingCode issuing;
    private final BindingMember binding;
    private final DraftingRound drafting;
    private final OpeningRound opening;
    private final SubmittingProposal submitting;
    private final Clock clock;

    ProposalSetup(IssuingBindingCode issuing, BindingMember binding, DraftingRound drafting, OpeningRound opening,
                  SubmittingProposal submitting, Clock clock) {
        this.issuing = issuing;
        this.binding = binding;
        this.drafting = drafting;
        this.opening = opening;
        this.submitting = submitting;
        this.clock = clock;
    }

    /** Binds a member to the place's first household, opens a call and submits a proposal; its number. */
    int submitOne(ConsoleWorld.Place place) {
        long household = place.households().get(0).id();
        String code = issuing.issue(household, MemberRole.OWNER, Duration.ofDays(1), ConsoleWorld.SETUP,
                Channel.CONSOLE).orElseThrow().code();
        long member = binding.bind(new ChatIdentity(IdentityKind.WECOM_USER, "resident-" + System.nanoTime()), "居民",
                code, Channel.WECOM_APP).orElseThrow().memberId();
        Round call = drafting.draft(RoundDraft.proposalCall(place.id(), place.group().id(), "征集建议", 2,
                clock.instant().plus(Duration.ofDays(3))).build(), ConsoleWorld.SETUP, Channel.CONSOLE).orElseThrow();
        opening.open(call.id(), ConsoleWorld.SETUP, Channel.CONSOLE).orElseThrow();
        Proposal proposal = submitting.submit(call.id(), member, household, "楼道装声控灯", Channel.WECOM_APP)
                .orElseThrow();
        return proposal.number();
    }
}
