package org.yunxie.admin.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.LoginAttempts;

/**
 * Slows password guessing: after {@value #PER_USERNAME} failed sign-ins for one username, or
 * {@value #PER_ADDRESS} from one address, within {@link #WINDOW}, sign-in attempts are turned away unchecked
 * until the window ends. Counting by username holds a guesser who changes address; by address, one who
 * tries many usernames. A locked username tells nothing about whether it exists.
 */
@Component
@WithConsole
class LoginThrottle {

    static final int PER_USERNAME = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginAttempts attempts;
    private final Accounts accounts;

    LoginThrottle(LoginAttempts attempts, Accounts accounts) {
        this.attempts = attempts;
        this.accounts = accounts;
    }

    /** Runs before the sign-in filter: a throttled attempt never reaches the password check. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/admin/login".equals(
                        request.getRequestURI().substring(request.getContextPath().length())));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (attempts.failures(userKey(request)) >= PER_USERNAME
                        || attempts.failures(addressKey(request)) >= PER_ADDRESS) {
                    log.warn("Console sign-in throttled for {} from {}", username(request), request.getRemoteAddr());
                    response.sendRedirect(request.getContextPath() + "/admin/login?locked");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            attempts.failed(userKey(request), WINDOW);
            attempts.failed(addressKey(request), WINDOW);
            log.info("Console sign-in failed for {} from {}", username(request), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/admin/login?error");
        };
    }

    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/admin");
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            attempts.reset(userKey(request));
            if (authentication.getPrincipal() instanceof ConsoleUser user) {
                accounts.recordLogin(user.accountId());
                log.info("Console sign-in: {}", user.username());
            }
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static String username(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String userKey(HttpServletRequest request) {
        return "user:" + username(request);
    }

    // Behind a reverse proxy this is the proxy unless server.forward-headers-strategy trusts its headers.
    private static String addressKey(HttpServletRequest request) {
        return "addr:" + request.getRemoteAddr();
    }
}
