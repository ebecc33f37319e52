package org.yunxie.bot.h5;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address residents reach this site at, for the links staff share and notices carry:
 * {@code yunxie.public-url} (YUNXIE_PUBLIC_URL, e.g. https://yunxie.example.org), read at each use so
 * the embedded profile can default to the port the server actually got.
 */
@Component
public class PublicAddress {

    private final Environment environment;

    PublicAddress(Environment environment) {
        this.environment = environment;
    }

    public String url() {
        String url = environment.getProperty("yunxie.public-url", "");
        if (url.isBlank()) {
            url = "http://localhost:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080"));
        }
        return url.strip().replaceAll("/+$", "");
    }
}
