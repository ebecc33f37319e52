package org.yunxie.bot.channel.wecom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A stand-in for the WeCom API, on its own port, that the bot reaches through {@code yunxie.wecom.api-base-url}
 * over real HTTP: it hands out access tokens, takes {@code message/send} and the robot's response_url posts,
 * and records every call. One for the whole test run, so that test classes share one application context.
 */
final class FakeWecomApi {

    static final String ACCESS_TOKEN_PREFIX = "fake-token-";
    private static final FakeWecomApi SHARED = start();

    /** One call as the fake API received it. */
    record Call(String method, String path, Map<String, String> query, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger sendsToFail = new AtomicInteger();

    private FakeWecomApi(HttpServer server) {
        this.server = server;
    }

    static FakeWecomApi shared() {
        return SHARED;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String responseUrl(String msgid) {
        return baseUrl() + "/robot-response/" + msgid;
    }

    List<Call> calls(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    List<Call> callsStartingWith(String prefix) {
        return calls.stream().filter(call -> call.path().startsWith(prefix)).toList();
    }

    void reset() {
        calls.clear();
        sendsToFail.set(0);
    }

    /** The next {@code count} message/send calls are refused, as WeCom refuses beyond its rate limit. */
    void failNextSends(int count) {
        sendsToFail.set(count);
    }

    private static FakeWecomApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4, task -> {
                Thread thread = new Thread(task, "fake-wecom-api");
                thread.setDaemon(true);
                return thread;
            }));
            FakeWecomApi api = new FakeWecomApi(server);
            server.createContext("/", api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(exchange.getRequestMethod(), path, query(exchange.getRequestURI().getRawQuery()), body));
        String answer;
        if (path.equals("/cgi-bin/gettoken")) {
            answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + ACCESS_TOKEN_PREFIX
                    + tokens.incrementAndGet() + "\",\"expires_in\":7200}";
        } else if (path.equals("/cgi-bin/message/send") && sendsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer = "{\"errcode\":45033,\"errmsg\":\"api concurrent out of limit\"}";
        } else if (path.equals("/cgi-bin/message/send")) {
            answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m" + calls.size() + "\"}";
        } else if (path.startsWith("/robot-response/")) {
            answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        } else {
            answer = "{\"errcode\":404,\"errmsg\":\"not found\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    /** Points {@code yunxie.wecom.api-base-url} at the fake API. */
    static final class PointTheBotAtIt implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "yunxie.wecom.api-base-url=" + shared().baseUrl());
        }
    }

    static List<String> bodies(List<Call> calls) {
        List<String> bodies = new ArrayList<>();
        calls.forEach(call -> bodies.add(call.body()));
        return bodies;
    }
}
