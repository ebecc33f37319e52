package org.yunxie.bot.channel.wecom;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Hands a smart-robot callback to its servlet once the character encoding is set and the request observation
 * has begun (off unless enabled, application.yml), past the filters every other request goes through (Spring Security's firewall and
 * its look-up of the MVC handler, the request context, form content). None of them has anything to do with a
 * callback that the servlet authenticates by its signature, and together they were a tenth of the bot's CPU
 * a vote (JFR of the load harness). Mapped to the servlet's own path only.
 */
final class StraightToRobotCallback implements Filter {

    private final Servlet servlet;

    StraightToRobotCallback(Servlet servlet) {
        this.servlet = servlet;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        servlet.service(request, response);
    }
}
