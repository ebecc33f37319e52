package org.yunxie.admin.security;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.yunxie.admin.web.ConsoleLocaleFilter;
import org.yunxie.admin.web.WithConsole;

/**
 * Security for {@code /admin/**} only: form sign-in against console accounts, CSRF tokens on every form,
 * a new session id at sign-in, throttled guessing and strict headers. Requests outside /admin (WeCom
 * callbacks, the sandbox, H5 pages with their own chain, actuator) are not touched by this chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@WithConsole
class ConsoleSecurity {

    // Pages use only their own stylesheet and script; charts are inline SVG, which needs no exception.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleUserDetails users, BcryptPasswordHasher hasher,
                                           LoginThrottle throttle,
                                           @Value("${yunxie.locale:zh-CN}") String locale) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(hasher.encoder());
        http.securityMatcher("/admin/**")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/login", "/admin/setup", "/admin/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/admin/login").loginProcessingUrl("/admin/login")
                        .successHandler(throttle.successHandler()).failureHandler(throttle.failureHandler()))
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()")))
                .addFilterBefore(new ConsoleLocaleFilter(Locale.forLanguageTag(locale.replace('_', '-'))),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
