package org.yunxie.admin.round;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.Scoped;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.costshare.Ledger;
import org.yunxie.core.costshare.LedgerLine;
import org.yunxie.core.costshare.LedgerStatus;
import org.yunxie.core.costshare.RecordingPayment;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;

/** A cost share's ledger: who owes what, and staff marking lines paid, exempt or refunded, with who and when. */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/rounds/{roundId}/ledger")
class LedgerController {

    private final Scoped scoped;
    private final Ledger ledger;
    private final RecordingPayment recording;
    private final CurrentAccount current;
    private final ConsoleText text;

    LedgerController(Scoped scoped, Ledger ledger, RecordingPayment recording, CurrentAccount current,
                     ConsoleText text) {
        this.scoped = scoped;
        this.ledger = ledger;
        this.recording = recording;
        this.current = current;
        this.text = text;
    }

    @GetMapping
    String show(@PathVariable long communityId, @PathVariable long roundId, Model model) {
        Round round = scoped.round(communityId, roundId);
        List<LedgerLine> lines = ledger.ofRound(roundId);
        Map<LedgerStatus, Long> fenByStatus = lines.stream().collect(Collectors.groupingBy(LedgerLine::status,
                Collectors.summingLong(LedgerLine::amountFen)));
        model.addAttribute("round", round);
        model.addAttribute("lines", lines);
        model.addAttribute("fenByStatus", fenByStatus);
        model.addAttribute("totalFen", lines.stream().mapToLong(LedgerLine::amountFen).sum());
        return "admin/ledger";
    }

    @PostMapping("/{householdId}")
    @Requires(Capability.KEEP_LEDGER)
    String mark(@PathVariable long communityId, @PathVariable long roundId, @PathVariable long householdId,
                @RequestParam LedgerStatus status, @RequestParam(required = false) String note,
                HttpServletRequest request, RedirectAttributes flash) {
        scoped.round(communityId, roundId);
        scoped.household(communityId, householdId);
        String clean = note == null || note.isBlank() ? null : note.strip();
        Result<LedgerLine> marked = recording.record(roundId, householdId, status,
                clean == null ? null : clean.substring(0, Math.min(clean.length(), 400)),
                current.of(request).actor(), Channel.CONSOLE);
        if (marked instanceof Result.Refused<LedgerLine> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
        } else {
            flash.addFlashAttribute("notice", text.text("console.ledger.marked", marked.orElseThrow().unitLabel(),
                    text.text("console.ledger.status." + status)));
        }
        return "redirect:/admin/c/" + communityId + "/rounds/" + roundId + "/ledger";
    }
}
