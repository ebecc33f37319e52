package org.yunxie.bot.h5;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.yunxie.core.shared.SecretKeys;

/**
 * The resident pages under /h5: links signed with {@code yunxie.h5.link-key} (YUNXIE_H5_LINK_KEY; a key
 * file in the embedded profile), and a security chain of their own. Nobody logs in: a person is the
 * official-account openid the WeChat OAuth gave this session; forms carry CSRF tokens, and the session id
 * changes once the openid is known.
 */
@Configuration(proxyBeanMethods = false)
class H5Configuration {

    @Bean
    SignedLinks signedLinks(@Value("${yunxie.h5.link-key:}") String key,
                            @Value("${yunxie.h5.link-key-file:var/link.key}") Path keyFile, Clock clock)
            throws IOException {
        return new SignedLinks(SecretKeys.fromSettingOrFile(key, keyFile, "YUNXIE_H5_LINK_KEY"), clock);
    }

    // Not when started without a web server (the operator's console commands).
    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain residentPagesSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/h5/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self' "
                                + "https://open.weixin.qq.com; frame-ancestors 'none'")))
                .build();
    }
}
