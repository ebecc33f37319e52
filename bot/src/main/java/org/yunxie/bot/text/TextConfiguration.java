package org.yunxie.bot.text;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** Pages speak the community's language ({@code yunxie.locale}), as the bot does, whatever the browser says. */
@Configuration(proxyBeanMethods = false)
class TextConfiguration {

    @Bean
    LocaleResolver localeResolver(@Value("${yunxie.locale:zh-CN}") String locale) {
        return new FixedLocaleResolver(Locale.forLanguageTag(locale.replace('_', '-')));
    }
}
