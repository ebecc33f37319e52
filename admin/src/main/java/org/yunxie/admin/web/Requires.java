package org.yunxie.admin.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.yunxie.core.account.Capability;

/**
 * What a console handler needs beyond seeing the community. Every handler that changes something must
 * carry it (or {@link AnyAccount}): ConsoleAccess refuses a POST without one, so a forgotten check fails closed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {
    Capability value();
}
