package org.yunxie.bot.channel.wecom;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.yunxie.bot.channel.Deliveries;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.inbox.Inbox;

/**
 * WeCom wiring: the settings, and WxJava's client of the WeCom API at {@code yunxie.wecom.api-base-url}
 * (the real API, or the sandbox) with the access token shared across instances through Redis.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WecomSettings.class)
@EnableScheduling
class WecomConfiguration {

    static final String REDIS_PREFIX = "yunxie:wecom";
    static final String ROBOT_PATH = "/wecom/robot";
    /**
     * WxJava logs every failed API call at WARN (ERROR for I/O) with the full URL, access token included,
     * and the request body, i.e. what a resident is told. Off unless a level is set for it explicitly; the
     * callers log the error code themselves.
     */
    static final String WXJAVA_REQUEST_LOG = "me.chanjar.weixin.cp.api.impl.BaseWxCpServiceImpl";

    @Bean
    WxCpService wecomApi(WecomSettings settings, WecomApiBase apiBase, StringRedisTemplate redis, Environment environment,
                         ObjectProvider<LoggingSystem> logging) {
        if (!environment.containsProperty("logging.level." + WXJAVA_REQUEST_LOG)) {
            logging.ifAvailable(system -> system.setLogLevel(WXJAVA_REQUEST_LOG, LogLevel.OFF));
        }
        SharedAccessToken storage = new SharedAccessToken(redis, REDIS_PREFIX, apiBase);
        // The order matters in WxJava 4.7.3.B: setAgentId derives the Redis keys from the CorpID.
        storage.setCorpId(settings.corpId());
        storage.setCorpSecret(settings.secret());
        storage.setAgentId(settings.agentId());
        storage.setToken(settings.token());
        storage.setAesKey(settings.aesKey());
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(storage);
        // WxJava retries "system busy" itself; keep it short, the recovery job retries later anyway.
        service.setMaxRetryTimes(2);
        service.setRetrySleepMillis(500);
        return service;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ServletRegistrationBean<RobotCallbackServlet> robotCallback(WecomSettings settings, ObjectMapper json,
            Deliveries deliveries, Inbox inbox, RobotMessages messages, StalledMessages waiting, Wording words,
            Clock clock) {
        ServletRegistrationBean<RobotCallbackServlet> registration = new ServletRegistrationBean<>(
                new RobotCallbackServlet(settings, json, deliveries, inbox, messages, waiting, words, clock),
                ROBOT_PATH);
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * After Boot's character encoding filter ({@code HIGHEST_PRECEDENCE}) and the request observation filter
     * ({@code HIGHEST_PRECEDENCE + 1}), before everything else. By its path, not by the servlet's name: filters
     * mapped to a servlet's name come after all those mapped by path, whatever their order.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<StraightToRobotCallback> straightToRobotCallback(
            ServletRegistrationBean<RobotCallbackServlet> robotCallback) {
        FilterRegistrationBean<StraightToRobotCallback> registration = new FilterRegistrationBean<>(
                new StraightToRobotCallback(robotCallback.getServlet()));
        registration.addUrlPatterns(ROBOT_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
