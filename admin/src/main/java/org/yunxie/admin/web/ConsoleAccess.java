package org.yunxie.admin.web;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.yunxie.core.account.Account;
import org.yunxie.core.account.Accounts;

/**
 * The one gate every console page passes: a community in the path must be one the account sees (else 404),
 * a changing request needs the capability its handler names (else 403, and none named is refused too),
 * and an account with a generated password changes it before anything else.
 */
@Component
@WithConsole
class ConsoleAccess implements HandlerInterceptor {

    private static final Set<String> READING = Set.of("GET", "HEAD");
    private static final Set<String> BEFORE_PASSWORD = Set.of("/admin/password", "/admin/logout");

    private final CurrentAccount current;
    private final Accounts accounts;

    ConsoleAccess(CurrentAccount current, Accounts accounts) {
        this.current = current;
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Account account = current.of(request);
        if (account == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (account.mustChangePassword() && !BEFORE_PASSWORD.contains(path)) {
            response.sendRedirect(request.getContextPath() + "/admin/password");
            return false;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String community = variables == null ? null : variables.get("communityId");
        if (community != null && !sees(account, community)) {
            throw new NotFound();
        }
        Requires requires = method.getMethodAnnotation(Requires.class);
        boolean changing = !READING.contains(request.getMethod());
        if (changing && requires == null && !method.hasMethodAnnotation(AnyAccount.class)) {
            throw new Forbidden();
        }
        if (requires != null && !account.role().may(requires.value())) {
            throw new Forbidden();
        }
        return true;
    }

    private boolean sees(Account account, String community) {
        try {
            return accounts.sees(account, Long.parseLong(community));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
