package org.yunxie.bot.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The sandbox exists only where {@code yunxie.sandbox.enabled=true} (the embedded profile), never in production. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "yunxie.sandbox.enabled", havingValue = "true")
@interface SandboxEnabled {
}
