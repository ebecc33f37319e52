package org.yunxie.admin.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The console's default settings (upload sizes), below anything the hosting application configures. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:yunxie-admin.properties")
class ConsoleDefaults {
}
