package org.yunxie.admin.round;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleFormat;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.overview.Overview;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.RulePreset;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;

/** The community's rounds, and the form that drafts (and by default opens) a new one. */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/rounds")
class RoundsController {

    private static final int SHOWN = 200;

    private final Overview overview;
    private final Coverages coverages;
    private final ChatGroups groups;
    private final DraftingRound drafting;
    private final OpeningRound opening;
    private final CurrentAccount current;
    private final ConsoleFormat format;
    private final ConsoleText text;
    private final Clock clock;

    RoundsController(Overview overview, Coverages coverages, ChatGroups groups, DraftingRound drafting,
                     OpeningRound opening, CurrentAccount current, ConsoleFormat format, ConsoleText text,
                     Clock clock) {
        this.overview = overview;
        this.coverages = coverages;
        this.groups = groups;
        this.drafting = drafting;
        this.opening = opening;
        this.current = current;
        this.format = format;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping
    String list(@PathVariable long communityId, Model model) {
        List<Round> rounds = overview.rounds(communityId, SHOWN);
        model.addAttribute("rounds", rounds);
        model.addAttribute("coverage", rounds.stream().collect(Collectors.toMap(Round::id, coverages::of)));
        model.addAttribute("groupNames", groupNames(communityId));
        return "admin/rounds";
    }

    @GetMapping("/new")
    @Requires(Capability.RUN_ROUNDS)
    String form(@PathVariable long communityId, Model model) {
        RoundForm form = new RoundForm();
        form.setClosingAt(format.input(clock.instant().plus(Duration.ofDays(7))));
        return showForm(communityId, form, model);
    }

    @PostMapping
    @Requires(Capability.RUN_ROUNDS)
    String create(@PathVariable long communityId, @ModelAttribute("form") RoundForm form, HttpServletRequest request,
                  Model model, RedirectAttributes flash) {
        Instant closing = format.parseInput(form.getClosingAt());
        List<Duration> reminders = reminders(form.getReminders());
        if (closing == null || reminders == null) {
            model.addAttribute("problem", text.text(closing == null ? "console.round.bad-deadline"
                    : "console.round.bad-reminders"));
            return showForm(communityId, form, model);
        }
        if (form.getGroupId() == null || groups.find(form.getGroupId())
                .filter(group -> group.communityId() == communityId).isEmpty()) {
            model.addAttribute("problem", text.text("console.round.no-group"));
            return showForm(communityId, form, model);
        }
        var account = current.of(request);
        Result<Round> drafted = drafting.draft(draft(communityId, form, closing, reminders), account.actor(),
                Channel.CONSOLE);
        if (drafted instanceof Result.Refused<Round> refused) {
            model.addAttribute("problem", text.refusal(refused.refusal()));
            return showForm(communityId, form, model);
        }
        Round round = drafted.orElseThrow();
        if (form.isOpenNow() && opening.open(round.id(), account.actor(), Channel.CONSOLE)
                instanceof Result.Refused<Round> refused) {
            // The draft stays, with its number: staff fix what was missing and open it from its page.
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
            return "redirect:/admin/c/" + communityId + "/rounds/" + round.id();
        }
        flash.addFlashAttribute("notice", text.text(form.isOpenNow() ? "console.round.opened"
                : "console.round.drafted", round.number()));
        return "redirect:/admin/c/" + communityId + "/rounds/" + round.id();
    }

    private String showForm(long communityId, RoundForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("groups", groups.ofCommunity(communityId));
        model.addAttribute("presets", List.of(RulePreset.SIMPLE_MAJORITY, RulePreset.SIXTY_PERCENT_OF_ALL,
                RulePreset.CIVIL_CODE_ORDINARY, RulePreset.CIVIL_CODE_MAJOR));
        model.addAttribute("kinds", RoundKind.values());
        return "admin/round-new";
    }

    private static RoundDraft draft(long communityId, RoundForm form, Instant closing, List<Duration> reminders) {
        List<String> options = form.getOptions() == null ? List.of() : Arrays.stream(form.getOptions().split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        RoundDraft.Builder builder = switch (form.getKind()) {
            case POLL -> RoundDraft.poll(communityId, form.getGroupId(), form.getTitle(), closing)
                    .options(options, Math.max(1, form.getMaxChoices()))
                    .secrecy(form.isSecret(), form.isResultsLive());
            case COST_SHARE -> RoundDraft.costShare(communityId, form.getGroupId(), form.getTitle(),
                    form.getShareMode(), fen(form.getAmountYuan()), closing);
            case PROPOSAL_CALL -> {
                RoundDraft.Builder call = RoundDraft.proposalCall(communityId, form.getGroupId(), form.getTitle(),
                        form.getSupportThreshold() == null ? 5 : form.getSupportThreshold(), closing);
                yield form.isPromote() ? call.promotingOnThreshold() : call;
            }
        };
        if (form.getKind() != RoundKind.PROPOSAL_CALL) {
            builder.rule(DecisionRule.of(form.getPreset() == RulePreset.CUSTOM ? RulePreset.SIMPLE_MAJORITY
                    : form.getPreset())).reminders(reminders);
        }
        return builder.body(form.getBody() == null || form.getBody().isBlank() ? null : form.getBody().strip()).build();
    }

    /** Hours before the deadline, e.g. "24,2"; null when unreadable. */
    static List<Duration> reminders(String text) {
        List<Duration> offsets = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return offsets;
        }
        for (String part : text.split("[,，、\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                BigDecimal hours = new BigDecimal(part.strip());
                if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24 * 60)) > 0) {
                    return null;
                }
                offsets.add(Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValue()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return offsets;
    }

    private static long fen(BigDecimal yuan) {
        if (yuan == null || yuan.scale() > 2 && yuan.stripTrailingZeros().scale() > 2) {
            return 0;
        }
        return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.DOWN).longValue();
    }

    private Map<Long, String> groupNames(long communityId) {
        return groups.ofCommunity(communityId).stream().collect(Collectors.toMap(ChatGroup::id, ChatGroup::name));
    }
}
