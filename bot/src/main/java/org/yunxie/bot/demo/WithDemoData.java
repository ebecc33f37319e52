package org.yunxie.bot.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The demo beans exist only with {@code yunxie.demo.enabled=true} (the embedded profile); never in production. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(prefix = "yunxie.demo", name = "enabled", havingValue = "true")
@interface WithDemoData {
}
