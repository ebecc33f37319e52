package org.yunxie.bot.channel.wecom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WeCom (企业微信) settings, {@code yunxie.wecom.*}: the self-built app (CorpID, AgentId, its Secret for
 * the API, and the Token and EncodingAESKey of its callback at {@code /wecom/callback}), where the WeCom API
 * is ({@code api-base-url}: the real one, or the sandbox), and the smart robot's own Token and
 * EncodingAESKey for {@code /wecom/robot}. Missing values are empty, never null: a channel whose secrets
 * are empty answers that it is not configured instead of failing the start.
 */
@ConfigurationProperties("yunxie.wecom")
public record WecomSettings(String corpId, Integer agentId, String secret, String token, String aesKey,
                            String apiBaseUrl, Robot robot) {

    public static final String DEFAULT_API_BASE_URL = "https://qyapi.weixin.qq.com";

    public WecomSettings {
        corpId = orEmpty(corpId);
        agentId = agentId == null ? 0 : agentId;
        secret = orEmpty(secret);
        token = orEmpty(token);
        aesKey = orEmpty(aesKey);
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL
                : apiBaseUrl.strip().replaceAll("/+$", "");
        robot = robot == null ? new Robot(null, null, null, null, null, null) : robot;
    }

    /**
     * The smart robot (智能机器人) in API mode: its own callback Token and EncodingAESKey; how many of its
     * messages one instance runs against the database at once ({@code at-once}, below the connection pool's
     * size so the jobs keep a connection), how many may wait for a turn ({@code most-waiting}, well below the
     * web server's threads) and how long ({@code wait-for-turn}) before a message is taken in to be answered a
     * moment later; and how many messages waiting for a turn one turn answers together, in one transaction
     * ({@code together}; 1 answers each alone).
     */
    public record Robot(String token, String aesKey, Integer atOnce, Integer mostWaiting, Duration waitForTurn,
                        Integer together) {

        public Robot {
            token = orEmpty(token);
            aesKey = orEmpty(aesKey);
            atOnce = atOnce == null || atOnce < 1 ? 3 : atOnce;
            mostWaiting = mostWaiting == null || mostWaiting < 0 ? 100 : mostWaiting;
            waitForTurn = waitForTurn == null || waitForTurn.isNegative() ? Duration.ofSeconds(1) : waitForTurn;
            together = together == null || together < 1 ? 16 : together;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
