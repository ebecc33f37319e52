package org.yunxie.admin.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts every console handler behind ConsoleAccess. */
@Configuration(proxyBeanMethods = false)
@WithConsole
class ConsoleWebConfig implements WebMvcConfigurer {

    private final ConsoleAccess access;

    ConsoleWebConfig(ConsoleAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access).addPathPatterns("/admin/**");
    }
}
