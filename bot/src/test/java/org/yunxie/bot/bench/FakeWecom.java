package org.yunxie.bot.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the WeCom API on loopback, pointed at by the bots' YUNXIE_WECOM_API_BASE_URL: it accepts
 * group-robot posts (20 a calendar minute per robot key, then errcode 45009, as WeCom and the sandbox do),
 * tokens, app messages, and replies sent to a robot message's response_url, and records what arrived when.
 */
final class FakeWecom implements AutoCloseable {

    static final int ROBOT_PER_MINUTE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OUTCOME = Pattern.compile("^#(\\d+) 结果");

    /** One accepted robot post. */
    record Post(String key, long atMillis, String msgtype, Integer outcomeNumber) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
    final AtomicInteger refused = new AtomicInteger();
    final Map<String, AtomicInteger> perMinute = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> responseUrlReplies = new ConcurrentLinkedQueue<>();
    final AtomicInteger appMessages = new AtomicInteger();

    FakeWecom(int port) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, Object> answer;
        if (path.endsWith("/cgi-bin/webhook/send")) {
            answer = robot(query.getOrDefault("key", ""), body);
        } else if (path.endsWith("/cgi-bin/gettoken")) {
            answer = Map.of("errcode", 0, "errmsg", "ok", "access_token", "load-token", "expires_in", 7200);
        } else if (path.contains("/robot-response/")) {
            responseUrlReplies.add(path.substring(path.lastIndexOf('/') + 1));
            answer = Map.of("errcode", 0, "errmsg", "ok");
        } else {
            appMessages.incrementAndGet();
            answer = Map.of("errcode", 0, "errmsg", "ok", "media_id", "load-media", "msgid", "load-msg");
        }
        byte[] out = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    private Map<String, Object> robot(String key, byte[] body) throws IOException {
        long now = System.currentTimeMillis();
        String minute = key + ":" + now / 60_000;
        if (perMinute.computeIfAbsent(minute, k -> new AtomicInteger()).incrementAndGet() > ROBOT_PER_MINUTE) {
            refused.incrementAndGet();
            return Map.of("errcode", 45009, "errmsg", "api freq out of limit");
        }
        JsonNode message = JSON.readTree(body);
        String msgtype = message.path("msgtype").asText();
        Integer number = null;
        if ("text".equals(msgtype)) {
            Matcher outcome = OUTCOME.matcher(message.path("text").path("content").asText());
            number = outcome.find() ? Integer.valueOf(outcome.group(1)) : null;
        }
        posts.add(new Post(key, now, msgtype, number));
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    /** Posts accepted from {@code fromMillis} on, per robot key. */
    Map<String, List<Long>> timesByKey(long fromMillis) {
        Map<String, List<Long>> byKey = new HashMap<>();
        for (Post post : posts) {
            if (post.atMillis() >= fromMillis) {
                byKey.computeIfAbsent(post.key(), k -> new ArrayList<>()).add(post.atMillis());
            }
        }
        byKey.values().forEach(list -> list.sort(Long::compare));
        return byKey;
    }

    /** The most posts any one robot got within one calendar minute, and within any 60 s. */
    static int[] busiestMinute(Map<String, List<Long>> byKey) {
        int calendar = 0;
        int sliding = 0;
        for (List<Long> times : byKey.values()) {
            Map<Long, Integer> minutes = new HashMap<>();
            for (long t : times) {
                calendar = Math.max(calendar, minutes.merge(t / 60_000, 1, Integer::sum));
            }
            int from = 0;
            for (int to = 0; to < times.size(); to++) {
                while (times.get(to) - times.get(from) >= 60_000) {
                    from++;
                }
                sliding = Math.max(sliding, to - from + 1);
            }
        }
        return new int[] {calendar, sliding};
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
