package org.yunxie.bot.channel.mp;

import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * WxJava's client of the official account API, its access token shared by all instances through Redis,
 * and its hosts read at each call: the real WeChat, or the sandbox on whatever port the server got.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MpSettings.class)
class MpConfiguration {

    @Bean
    WxMpService officialAccount(MpSettings settings, StringRedisTemplate redis, Environment environment) {
        WxMpRedisConfigImpl storage = new WxMpRedisConfigImpl(new RedisTemplateWxRedisOps(redis), "yunxie:mp") {
            @Override
            public WxMpHostConfig getHostConfig() {
                return new WxMpHostConfig(base(environment, "yunxie.mp.api-base-url", WxMpHostConfig.API_DEFAULT_HOST_URL),
                        base(environment, "yunxie.mp.open-base-url", WxMpHostConfig.OPEN_DEFAULT_HOST_URL),
                        base(environment, "yunxie.mp.api-base-url", WxMpHostConfig.MP_DEFAULT_HOST_URL));
            }
        };
        storage.setAppId(settings.appId());
        storage.setSecret(settings.secret());
        storage.setToken(settings.token());
        storage.setAesKey(settings.aesKey());
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(storage);
        service.setMaxRetryTimes(2);
        return service;
    }

    private static String base(Environment environment, String key, String fallback) {
        String url = environment.getProperty(key, "");
        return url.isBlank() ? fallback : url.strip().replaceAll("/+$", "");
    }
}
