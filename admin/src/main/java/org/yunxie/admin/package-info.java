/**
 * The staff console, hosted by the bot under {@code /admin}: server-rendered pages (Thymeleaf) over core's use
 * cases, packaged by feature. Switched off per instance with {@code yunxie.console.enabled=false}.
 */
package org.yunxie.admin;
