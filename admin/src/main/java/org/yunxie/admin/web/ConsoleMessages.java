package org.yunxie.admin.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.stereotype.Component;

/**
 * Adds the console's own bundle (i18n/admin.properties, Chinese; admin_en.properties, English) to the
 * application's message source, so the console ships its texts with itself and the hosting application's
 * settings need not name them. Keys start with "console.".
 */
@Component
@WithConsole
class ConsoleMessages implements BeanPostProcessor {

    static final String BUNDLE = "i18n/admin";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractResourceBasedMessageSource messages
                && !messages.getBasenameSet().contains(BUNDLE)) {
            messages.addBasenames(BUNDLE);
        }
        return bean;
    }
}
