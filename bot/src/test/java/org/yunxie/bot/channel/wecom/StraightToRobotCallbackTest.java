package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestPropertySource;

/**
 * A smart-robot callback goes from the character encoding and the request observation straight to its servlet,
 * past the filters the other pages need (Spring Security's chain above all), and is answered as before.
 */
@WecomChannelTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:bot-wecom-straight;MODE=MySQL;"
        + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@Import(StraightToRobotCallbackTest.Recording.class)
class StraightToRobotCallbackTest {

    /** What reached the end of the filter chain, after Spring Security's. */
    static final List<String> SEEN_AFTER_SECURITY = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @Test
    void aRobotCallbackIsAnsweredWithoutGoingThroughTheFiltersOfThePages() throws Exception {
        WecomSide wecom = new WecomSide(port, Clock.systemUTC());
        String msgid = "straight-" + UUID.randomUUID();

        HttpResponse<String> answer = wecom.postRobot(wecom.sealForRobot(wecom.robotGroupText(msgid,
                "wrStraightChat", "demo.xuling", "#帮助 @云协商", "http://127.0.0.1:9/unused")));
        HttpResponse<String> health = get("/actuator/health");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(wecom.openRobotReply(answer.body()).path("stream").path("content").asText()).isNotBlank();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(SEEN_AFTER_SECURITY).contains("/actuator/health").doesNotContain("/wecom/robot");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        FilterRegistrationBean<Filter> lastFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                SEEN_AFTER_SECURITY.add(((HttpServletRequest) request).getRequestURI());
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            return registration;
        }
    }
}
