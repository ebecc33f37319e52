package org.yunxie.bot.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/**
 * Drives encrypted smart-robot vote callbacks ("@云协商 #2 同意") at a running bot and prints throughput
 * and latency percentiles; then the same load against a bare echo server in this process that only
 * decrypts, parses and encrypts a reply with WxJava, for a ratio measured in the same run.
 * Run it through scripts/bench-callback; it needs the bot running with the demo data.
 */
public final class CallbackBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallbackBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String target = options.getOrDefault("url", "http://127.0.0.1:8080/wecom/robot");
        int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        String token = options.getOrDefault("token", "sandbox-robot-token");
        String aesKey = options.getOrDefault("aes-key", "sandboxRobotEncodingAesKey0123456789abcdefg");
        String chatId = options.getOrDefault("chat", "wrSandboxBuilding8");
        String round = options.getOrDefault("round", "2");
        List<String> voters = Arrays.asList(options.getOrDefault("voters",
                "demo.huangmin,demo.xuling,demo.madaye,demo.heping,demo.gaofeng").split(","));
        WxCryptUtil crypt = new WxCryptUtil(token, aesKey, "");

        System.out.printf("Callback benchmark: %d vote callbacks, concurrency %d, %d cores%n", requests, concurrency,
                Runtime.getRuntime().availableProcessors());
        run("warm-up bot", target, Math.min(200, requests), concurrency, crypt, chatId, round, voters);
        Result bot = run("bot " + target, target, requests, concurrency, crypt, chatId, round, voters);

        HttpServer echo = echoServer(crypt);
        String echoUrl = "http://127.0.0.1:" + echo.getAddress().getPort() + "/echo";
        try {
            run("warm-up echo", echoUrl, Math.min(200, requests), concurrency, crypt, chatId, round, voters);
            Result bare = run("bare WxJava echo", echoUrl, requests, concurrency, crypt, chatId, round, voters);
            System.out.printf("ratio bot/echo throughput: %.2f, p99 bot/echo: %.2f%n",
                    bot.perSecond() / bare.perSecond(), bot.percentile(99) / Math.max(0.001, bare.percentile(99)));
        } finally {
            echo.stop(0);
        }
        // The HTTP clients' and the echo server's pools are not worth tearing down one by one.
        System.exit(0);
    }

    record Result(String name, double perSecond, long[] nanos, int failures) {

        double percentile(int p) {
            return nanos.length == 0 ? 0 : nanos[Math.min(nanos.length - 1, nanos.length * p / 100)] / 1e6;
        }

        void print() {
            System.out.printf("%-40s %8.1f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  failed %d%n",
                    name, perSecond, percentile(50), percentile(90), percentile(99), percentile(100), failures);
        }
    }

    private static Result run(String name, String url, int requests, int concurrency, WxCryptUtil crypt,
                              String chatId, String round, List<String> voters) throws Exception {
        // Apache HttpClient writes each request in one go; the JDK client's separate header and body writes
        // meet Linux's delayed ACK and add ~40 ms to every call, which would measure the client, not the bot.
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(concurrency);
        connections.setDefaultMaxPerRoute(concurrency);
        CloseableHttpClient client = HttpClients.custom().setConnectionManager(connections).build();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[] nanos = new long[requests];
        String run = Long.toString(System.nanoTime(), 36);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            futures.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String vote = "@云协商 #" + round + (i % 2 == 0 ? " 同意" : " 反对");
                    String body = JSON.writeValueAsString(Map.of("msgid", "bench-" + run + "-" + i, "aibotid", "bench",
                            "chatid", chatId, "chattype", "group", "from", Map.of("userid", voters.get(i % voters.size())),
                            "response_url", "http://127.0.0.1:9/unused", "msgtype", "text",
                            "text", Map.of("content", vote)));
                    WxCryptUtil.EncryptContext sealed = crypt.encryptContext(body);
                    HttpPost request = new HttpPost(url + "?msg_signature=" + sealed.getSignature() + "&timestamp="
                            + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce());
                    request.setEntity(new StringEntity(JSON.writeValueAsString(Map.of("encrypt", sealed.getEncrypt())),
                            ContentType.APPLICATION_JSON));
                    long sent = System.nanoTime();
                    try (CloseableHttpResponse response = client.execute(request)) {
                        String answer = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                        nanos[i] = System.nanoTime() - sent;
                        if (response.getStatusLine().getStatusCode() != 200 || !answer.contains("msgsignature")) {
                            failures.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        Arrays.sort(nanos);
        Result result = new Result(name, requests / seconds, nanos, failures.get());
        result.print();
        return result;
    }

    /** Decrypts, parses and encrypts an answer, and nothing else: the floor our endpoint is compared with. */
    static HttpServer echoServer(WxCryptUtil crypt) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes wait ~40 ms on delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 4));
        server.createContext("/echo", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> params = options(query.split("&"));
            JsonNode envelope = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String plain = crypt.decryptContent(params.get("msg_signature"), params.get("timestamp"),
                    params.get("nonce"), envelope.path("encrypt").asText());
            String content = JSON.readTree(plain).path("text").path("content").asText();
            WxCryptUtil.EncryptContext reply = crypt.encryptContext(JSON.writeValueAsString(Map.of("msgtype", "stream",
                    "stream", Map.of("id", "echo", "finish", true, "content", content))));
            byte[] answer = JSON.writeValueAsBytes(Map.of("encrypt", reply.getEncrypt(), "msgsignature",
                    reply.getSignature(), "timestamp", reply.getTimeStamp(), "nonce", reply.getNonce()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return server;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
        }
        return options;
    }
}
