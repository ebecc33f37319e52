package org.yunxie.bot.h5;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.bot.h5.SignedLinks.Target;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/**
 * The pages a resident opens from a signed link: a round (vote, pledge, propose, support, bind a home) or a
 * group's open rounds. A link that was altered, made elsewhere or has expired gets a page that says so and
 * changes nothing; a visitor not yet identified is sent to WeChat first. Actions go through the same use
 * cases as chat commands ({@link ResidentActions}) and come back to the page with the read-back.
 */
@Controller
class ResidentPages {

    private final SignedLinks links;
    private final WeChatVisitor visitor;
    private final RoundPage page;
    private final ResidentActions actions;
    private final Rounds rounds;
    private final GroupPage groups;

    ResidentPages(SignedLinks links, WeChatVisitor visitor, RoundPage page, ResidentActions actions, Rounds rounds,
                  GroupPage groups) {
        this.links = links;
        this.visitor = visitor;
        this.page = page;
        this.actions = actions;
        this.rounds = rounds;
        this.groups = groups;
    }

    @GetMapping("/h5/r/{roundId}")
    String round(@PathVariable long roundId, @RequestParam(required = false) Long exp,
                 @RequestParam(required = false) String sig, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        Optional<String> problem = links.problem(Target.ROUND, roundId, exp, sig);
        Round round = rounds.find(roundId).orElse(null);
        if (problem.isPresent() || round == null) {
            return problem(problem.orElse("link.forged"), response, model);
        }
        Optional<ChatIdentity> who = visitor.identity(request.getSession());
        if (who.isEmpty()) {
            return "redirect:" + visitor.identifyThenReturnTo(request);
        }
        model.addAttribute("view", page.of(round, who.get()));
        model.addAttribute("exp", exp);
        model.addAttribute("sig", sig);
        return "h5/round";
    }

    @GetMapping("/h5/g/{groupId}")
    String group(@PathVariable long groupId, @RequestParam(required = false) Long exp,
                 @RequestParam(required = false) String sig, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        Optional<String> problem = links.problem(Target.GROUP, groupId, exp, sig);
        if (problem.isPresent()) {
            return problem(problem.get(), response, model);
        }
        if (visitor.identity(request.getSession()).isEmpty()) {
            return "redirect:" + visitor.identifyThenReturnTo(request);
        }
        model.addAttribute("group", groups.of(groupId));
        return "h5/group";
    }

    @GetMapping("/h5/oauth")
    String identified(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                      HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
        Optional<String> next = visitor.identified(request, code, state);
        return next.map(path -> "redirect:" + path).orElseGet(() -> problem("link.oauth", response, model));
    }

    @PostMapping("/h5/r/{roundId}/{action}")
    String act(@PathVariable long roundId, @PathVariable String action, @RequestParam(required = false) Long exp,
               @RequestParam(required = false) String sig, @RequestParam(required = false) String value,
               @RequestParam(required = false) Long household, HttpServletRequest request,
               HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<String> problem = links.problem(Target.ROUND, roundId, exp, sig);
        Optional<ChatIdentity> who = visitor.identity(request.getSession());
        if (problem.isPresent() || who.isEmpty()) {
            return problem(problem.orElse("link.oauth"), response, model);
        }
        String readBack = actions.act(action, roundId, who.get(), value, household);
        redirect.addFlashAttribute("notice", readBack);
        return "redirect:/h5/r/" + roundId + "?exp=" + exp + "&sig=" + sig;
    }

    private static String problem(String key, HttpServletResponse response, Model model) {
        response.setStatus(List.of("link.expired").contains(key) ? HttpServletResponse.SC_GONE
                : HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("problem", key);
        return "h5/problem";
    }
}
