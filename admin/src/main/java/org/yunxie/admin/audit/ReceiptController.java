package org.yunxie.admin.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.outcome.Outcomes;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/**
 * Receipt check for supervisors and staff: a round number and a receipt code tell which household it belongs
 * to and whether its ballot is current (and so counted at close); never what the household chose.
 */
@Controller
@WithConsole
class ReceiptController {

    private final Rounds rounds;
    private final Ballots ballots;
    private final Outcomes outcomes;
    private final Roster roster;

    ReceiptController(Rounds rounds, Ballots ballots, Outcomes outcomes, Roster roster) {
        this.rounds = rounds;
        this.ballots = ballots;
        this.outcomes = outcomes;
        this.roster = roster;
    }

    @GetMapping("/admin/c/{communityId}/receipts")
    String check(@PathVariable long communityId, @RequestParam(required = false) Integer round,
                 @RequestParam(required = false) String code, Model model) {
        if (round == null || code == null || code.isBlank()) {
            return "admin/receipt";
        }
        model.addAttribute("asked", true);
        Round found = rounds.findByNumber(communityId, round).orElse(null);
        if (found == null) {
            return "admin/receipt";
        }
        model.addAttribute("round", found);
        ballots.householdOfReceipt(found.id(), code).ifPresent(household -> {
            model.addAttribute("unit", roster.household(household).map(h -> h.unitLabel()).orElse("?"));
            model.addAttribute("current", ballots.respondedHouseholds(found.id()).contains(household));
            model.addAttribute("counted", outcomes.ofRound(found.id()).isPresent());
        });
        return "admin/receipt";
    }
}
