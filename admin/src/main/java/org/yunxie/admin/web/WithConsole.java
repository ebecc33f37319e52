package org.yunxie.admin.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Console beans exist unless {@code yunxie.console.enabled=false} (YUNXIE_CONSOLE_ENABLED) switches it off. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(prefix = "yunxie.console", name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface WithConsole {
}
