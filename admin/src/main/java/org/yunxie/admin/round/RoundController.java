package org.yunxie.admin.round;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleFormat;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.Scoped;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.reminder.RemindingNonResponders;
import org.yunxie.core.round.CancellingRound;
import org.yunxie.core.round.ExtendingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;

/** One round: its coverage, tally or outcome, non-responders, and the staff actions on it. */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/rounds/{roundId}")
class RoundController {

    private final Scoped scoped;
    private final RoundPages pages;
    private final Coverages coverages;
    private final OpeningRound opening;
    private final ExtendingRound extending;
    private final CancellingRound cancelling;
    private final ClosingRound closing;
    private final RemindingNonResponders reminding;
    private final CurrentAccount current;
    private final ConsoleFormat format;
    private final ConsoleText text;

    RoundController(Scoped scoped, RoundPages pages, Coverages coverages, OpeningRound opening,
                    ExtendingRound extending, CancellingRound cancelling, ClosingRound closing,
                    RemindingNonResponders reminding, CurrentAccount current, ConsoleFormat format, ConsoleText text) {
        this.scoped = scoped;
        this.pages = pages;
        this.coverages = coverages;
        this.opening = opening;
        this.extending = extending;
        this.cancelling = cancelling;
        this.closing = closing;
        this.reminding = reminding;
        this.current = current;
        this.format = format;
        this.text = text;
    }

    @GetMapping
    String show(@PathVariable long communityId, @PathVariable long roundId, Model model) {
        Round round = scoped.round(communityId, roundId);
        model.addAttribute("view", pages.view(round));
        return "admin/round";
    }

    /** What the page's meters re-read every few seconds. */
    @GetMapping(value = "/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> coverage(@PathVariable long communityId, @PathVariable long roundId) {
        Coverage coverage = coverages.of(scoped.round(communityId, roundId));
        return Map.of("households", coverage.households(), "eligibleHouseholds", coverage.eligibleHouseholds(),
                "area", format.areaCenti(coverage.areaCenti()), "eligibleArea", format.areaCenti(coverage.eligibleAreaCenti()),
                "areaCenti", coverage.areaCenti(), "eligibleAreaCenti", coverage.eligibleAreaCenti(),
                "percent", format.percent(coverage.households(), coverage.eligibleHouseholds()),
                "areaPercent", format.percent(coverage.areaCenti(), coverage.eligibleAreaCenti()));
    }

    @PostMapping("/open")
    @Requires(Capability.RUN_ROUNDS)
    String open(@PathVariable long communityId, @PathVariable long roundId, HttpServletRequest request,
                RedirectAttributes flash) {
        scoped.round(communityId, roundId);
        return done(opening.open(roundId, actor(request), Channel.CONSOLE), "console.round.opened", flash,
                communityId, roundId);
    }

    @PostMapping("/extend")
    @Requires(Capability.RUN_ROUNDS)
    String extend(@PathVariable long communityId, @PathVariable long roundId, @RequestParam String closingAt,
                  @RequestParam String reason, HttpServletRequest request, RedirectAttributes flash) {
        scoped.round(communityId, roundId);
        Instant until = format.parseInput(closingAt);
        if (until == null) {
            flash.addFlashAttribute("problem", text.text("console.round.bad-deadline"));
            return back(communityId, roundId);
        }
        return done(extending.extend(roundId, until, reason, actor(request), Channel.CONSOLE),
                "console.round.extended", flash, communityId, roundId);
    }

    @PostMapping("/cancel")
    @Requires(Capability.RUN_ROUNDS)
    String cancel(@PathVariable long communityId, @PathVariable long roundId, @RequestParam String reason,
                  HttpServletRequest request, RedirectAttributes flash) {
        scoped.round(communityId, roundId);
        return done(cancelling.cancel(roundId, reason, actor(request), Channel.CONSOLE), "console.round.cancelled",
                flash, communityId, roundId);
    }

    @PostMapping("/close")
    @Requires(Capability.RUN_ROUNDS)
    String close(@PathVariable long communityId, @PathVariable long roundId, HttpServletRequest request,
                 RedirectAttributes flash) {
        Round round = scoped.round(communityId, roundId);
        Result<?> closed = closing.close(roundId, actor(request), Channel.CONSOLE);
        return done(closed.map(outcome -> round), "console.round.closed", flash, communityId, roundId);
    }

    @PostMapping("/remind")
    @Requires(Capability.RUN_ROUNDS)
    String remind(@PathVariable long communityId, @PathVariable long roundId, HttpServletRequest request,
                  RedirectAttributes flash) {
        scoped.round(communityId, roundId);
        Result<java.util.List<String>> reminded = reminding.remindNow(roundId, actor(request), Channel.CONSOLE);
        if (reminded instanceof Result.Refused<java.util.List<String>> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
        } else {
            flash.addFlashAttribute("notice", text.text("console.round.reminded", reminded.orElseThrow().size()));
        }
        return back(communityId, roundId);
    }

    private Actor actor(HttpServletRequest request) {
        return current.of(request).actor();
    }

    private String done(Result<Round> result, String doneKey, RedirectAttributes flash, long communityId,
                        long roundId) {
        if (result instanceof Result.Refused<Round> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
        } else {
            flash.addFlashAttribute("notice", text.text(doneKey, result.orElseThrow().number()));
        }
        return back(communityId, roundId);
    }

    private static String back(long communityId, long roundId) {
        return "redirect:/admin/c/" + communityId + "/rounds/" + roundId;
    }
}
