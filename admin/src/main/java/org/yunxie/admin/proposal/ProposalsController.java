package org.yunxie.admin.proposal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.NotFound;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.overview.Overview;
import org.yunxie.core.proposal.PromotingProposal;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.ProposalResponse;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.proposal.RespondingToProposal;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;

/** The proposal queue: unanswered first, with supports; staff answer each one, staff and council promote. */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/proposals")
class ProposalsController {

    private final Overview overview;
    private final Proposals proposals;
    private final RespondingToProposal responding;
    private final PromotingProposal promoting;
    private final CurrentAccount current;
    private final ConsoleText text;

    ProposalsController(Overview overview, Proposals proposals, RespondingToProposal responding,
                        PromotingProposal promoting, CurrentAccount current, ConsoleText text) {
        this.overview = overview;
        this.proposals = proposals;
        this.responding = responding;
        this.promoting = promoting;
        this.current = current;
        this.text = text;
    }

    @GetMapping
    String queue(@PathVariable long communityId, @RequestParam(defaultValue = "false") boolean unanswered,
                 Model model) {
        model.addAttribute("proposals", overview.proposals(communityId, unanswered));
        model.addAttribute("unansweredOnly", unanswered);
        return "admin/proposals";
    }

    @PostMapping("/{number}/respond")
    @Requires(Capability.ANSWER_PROPOSALS)
    String respond(@PathVariable long communityId, @PathVariable int number, @RequestParam ProposalResponse response,
                   @RequestParam(required = false) String note, @RequestParam(required = false) Integer mergedInto,
                   HttpServletRequest request, RedirectAttributes flash) {
        ensure(communityId, number);
        Result<Proposal> answered = responding.respond(communityId, number, response,
                note == null ? null : note.substring(0, Math.min(note.length(), 500)), mergedInto,
                current.of(request).actor(), Channel.CONSOLE);
        if (answered instanceof Result.Refused<Proposal> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
        } else {
            flash.addFlashAttribute("notice", text.text("console.proposals.answered", number));
        }
        return "redirect:/admin/c/" + communityId + "/proposals";
    }

    @PostMapping("/{number}/promote")
    @Requires(Capability.PROMOTE_PROPOSALS)
    String promote(@PathVariable long communityId, @PathVariable int number, HttpServletRequest request,
                   RedirectAttributes flash) {
        ensure(communityId, number);
        Result<Round> promoted = promoting.promote(communityId, number, current.of(request).actor(), Channel.CONSOLE);
        if (promoted instanceof Result.Refused<Round> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
            return "redirect:/admin/c/" + communityId + "/proposals";
        }
        Round draft = promoted.orElseThrow();
        flash.addFlashAttribute("notice", text.text("console.proposals.promoted", number, draft.number()));
        return "redirect:/admin/c/" + communityId + "/rounds/" + draft.id();
    }

    private void ensure(long communityId, int number) {
        proposals.find(communityId, number).orElseThrow(NotFound::new);
    }
}
