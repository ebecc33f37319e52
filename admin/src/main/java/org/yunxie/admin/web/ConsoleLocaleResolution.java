package org.yunxie.admin.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The hosting application decides the language of its own pages with its LocaleResolver (the bot's is fixed
 * to yunxie.locale). On console requests the language ConsoleLocaleFilter chose wins instead; everywhere
 * else the host's resolver answers as before.
 */
@Configuration(proxyBeanMethods = false)
@WithConsole
class ConsoleLocaleResolution {

    @Bean
    static BeanPostProcessor consoleLocaleResolver() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof LocaleResolver host && DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME.equals(name)
                        ? new ConsoleFirst(host) : bean;
            }
        };
    }

    private record ConsoleFirst(LocaleResolver host) implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return request.getAttribute(ConsoleLocaleFilter.CHOSEN) instanceof Locale chosen ? chosen
                    : host.resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            host.setLocale(request, response, locale);
        }
    }
}
