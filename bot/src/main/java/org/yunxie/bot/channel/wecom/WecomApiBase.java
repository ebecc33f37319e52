package org.yunxie.bot.channel.wecom;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the WeCom API is: {@code yunxie.wecom.api-base-url}, read at each call rather than at start-up, so
 * that the embedded profile can point it at the sandbox on the port the web server actually got.
 */
@Component
public class WecomApiBase {

    private final Environment environment;

    WecomApiBase(Environment environment) {
        this.environment = environment;
    }

    public String url() {
        String url = environment.getProperty("yunxie.wecom.api-base-url", "");
        return url.isBlank() ? WecomSettings.DEFAULT_API_BASE_URL : url.strip().replaceAll("/+$", "");
    }
}
