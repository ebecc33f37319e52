package org.yunxie.bot.console;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.core.account.IssuedPassword;

/**
 * Drives the console through MockMvc with the real security filter chain, as a browser would: signs in on
 * the login form with its CSRF token, changes the generated password when asked, and sends each form with
 * the session's CSRF token. Each client comes from an address of its own, as separate offices would, so
 * that one test's failed sign-ins never count against another's.
 */
final class ConsoleClient {

    static final String PASSWORD = "Correct-Horse-42";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final MockMvc mvc;
    private final String address;
    private MockHttpSession session = new MockHttpSession();
    private String csrf;

    ConsoleClient(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
        int n = ADDRESSES.incrementAndGet();
        this.address = "10.9." + (n / 250) + "." + (1 + n % 250);
    }

    MockMvc mvc() {
        return mvc;
    }

    MockHttpSession session() {
        return session;
    }

    String address() {
        return address;
    }

    /** Signs in with the generated password and replaces it, as a new user must. */
    ConsoleClient signInFirstTime(IssuedPassword issued) throws Exception {
        MvcResult signedIn = signIn(issued.account().username(), issued.password());
        String target = signedIn.getResponse().getRedirectedUrl();
        if (target == null || target.contains("/admin/login")) {
            throw new AssertionError("sign-in failed: " + target);
        }
        MvcResult changed = post("/admin/password", Map.of("current", issued.password(), "chosen", PASSWORD,
                "repeated", PASSWORD));
        if (changed.getResponse().getStatus() != 302) {
            throw new AssertionError("password change refused: " + changed.getResponse().getContentAsString());
        }
        return this;
    }

    MvcResult signIn(String username, String password) throws Exception {
        session = new MockHttpSession();
        String page = perform(MockMvcRequestBuilders.get("/admin/login")).getResponse().getContentAsString();
        csrf = null;
        return perform(MockMvcRequestBuilders.post("/admin/login").param("username", username)
                .param("password", password).param("_csrf", token(page)));
    }

    MvcResult get(String path) throws Exception {
        return perform(MockMvcRequestBuilders.get(path));
    }

    MvcResult post(String path, Map<String, String> params) throws Exception {
        return send(MockMvcRequestBuilders.post(path), params);
    }

    MvcResult send(MockHttpServletRequestBuilder request, Map<String, String> params) throws Exception {
        if (csrf == null) {
            MockHttpServletResponse page = get("/admin/password").getResponse();
            if (page.getStatus() != 200) {
                throw new AssertionError("password page: " + page.getStatus() + " " + page.getRedirectedUrl());
            }
            csrf = token(page.getContentAsString());
        }
        params.forEach(request::param);
        return perform(request.param("_csrf", csrf));
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session).with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn();
    }

    static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the page: " + page.substring(0, Math.min(page.length(), 300)));
        }
        return matcher.group(1);
    }
}
