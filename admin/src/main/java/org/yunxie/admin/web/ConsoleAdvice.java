package org.yunxie.admin.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import org.yunxie.core.account.Account;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Roster;

/** What every console page shows around its content: who is signed in, their communities, the current one. */
@ControllerAdvice(basePackages = "org.yunxie.admin")
@WithConsole
class ConsoleAdvice {

    private final CurrentAccount current;
    private final Accounts accounts;
    private final Roster roster;

    ConsoleAdvice(CurrentAccount current, Accounts accounts, Roster roster) {
        this.current = current;
        this.accounts = accounts;
        this.roster = roster;
    }

    @ModelAttribute
    void frame(HttpServletRequest request, Model model) {
        Account me = current.of(request);
        if (me == null) {
            return;
        }
        model.addAttribute("me", me);
        List<Community> mine = accounts.communityIds(me).stream()
                .map(id -> roster.community(id).orElse(null)).filter(java.util.Objects::nonNull).toList();
        model.addAttribute("myCommunities", mine);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables == null ? null : variables.get("communityId");
        if (id != null) {
            mine.stream().filter(c -> Long.toString(c.id()).equals(id)).findFirst()
                    .ifPresent(community -> model.addAttribute("community", community));
        }
    }

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        return "admin/error";
    }

    @ExceptionHandler(Forbidden.class)
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("status", 403);
        return "admin/error";
    }
}
