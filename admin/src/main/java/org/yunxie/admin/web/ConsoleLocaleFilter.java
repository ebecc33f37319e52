package org.yunxie.admin.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console speaks the configured language (yunxie.locale, Chinese by default) whatever the browser asks
 * for, until the user picks the other one ({@code ?lang=en} or {@code ?lang=zh-CN}, kept in the session).
 * It does so by presenting that language as the request's own, and as a request attribute that
 * ConsoleLocaleResolution puts ahead of the host's LocaleResolver, inside the console's security chain only,
 * so the application's locale resolution elsewhere is left as it is.
 */
public class ConsoleLocaleFilter extends OncePerRequestFilter {

    /** The request attribute holding the chosen language, read by ConsoleLocaleResolution. */
    static final String CHOSEN = ConsoleLocaleFilter.class.getName() + ".CHOSEN";
    private static final String SESSION_KEY = "console.locale";

    private final Locale defaultLocale;

    public ConsoleLocaleFilter(Locale defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale chosen = defaultLocale;
        String asked = request.getParameter("lang");
        HttpSession session = request.getSession(false);
        if ("en".equals(asked) || "zh-CN".equals(asked)) {
            chosen = Locale.forLanguageTag(asked);
            request.getSession(true).setAttribute(SESSION_KEY, chosen);
        } else if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale kept) {
            chosen = kept;
        }
        request.setAttribute(CHOSEN, chosen);
        chain.doFilter(new InLanguage(request, chosen), response);
    }

    private static final class InLanguage extends HttpServletRequestWrapper {
        private final Locale locale;

        InLanguage(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(java.util.List.of(locale));
        }

        @Override
        public String getHeader(String name) {
            return "Accept-Language".equalsIgnoreCase(name) ? locale.toLanguageTag() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept-Language".equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(locale.toLanguageTag())) : super.getHeaders(name);
        }
    }
}
