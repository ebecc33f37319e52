package org.yunxie.bot.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every console handler under a community, read from the application's own mappings, with its handler. */
final class ConsoleEndpoints {

    private ConsoleEndpoints() {
    }

    record Endpoint(RequestMethod method, String path, HandlerMethod handler) {
        boolean namesAThing() {
            return path.replace("{communityId}", "").contains("{");
        }

        String url(long communityId, Map<String, String> variables) {
            String url = path.replace("{communityId}", Long.toString(communityId)).replace("{file:.+}",
                    variables.getOrDefault("file", "x.jpg"));
            for (var variable : variables.entrySet()) {
                url = url.replace("{" + variable.getKey() + "}", variable.getValue());
            }
            return url;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> underCommunity(WebApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/admin/c/{communityId}")) {
                    continue;
                }
                var methods = entry.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method, pattern, entry.getValue()));
                }
            }
        }
        return endpoints;
    }

    /**
     * Every field any console form posts, naming the place's things wherever a form names a thing, with
     * {@code word} in every free-text field: what a forged request would carry.
     */
    static Map<String, String> everyFormField(ConsoleWorld.Place place, String word) {
        Map<String, String> fields = new HashMap<>();
        fields.put("title", word);
        fields.put("kind", "POLL");
        fields.put("groupId", Long.toString(place.group().id()));
        fields.put("closingAt", "2099-01-01T10:00");
        fields.put("reason", word);
        fields.put("householdId", Long.toString(place.households().get(1).id()));
        fields.put("choice", "A");
        fields.put("how", "PAPER");
        fields.put("evidence", word);
        fields.put("status", "PAID");
        fields.put("note", word);
        fields.put("response", "ACCEPTED");
        fields.put("name", word);
        fields.put("buildings", Long.toString(place.building().id()));
        fields.put("chatId", "wr-" + place.id());
        fields.put("postVia", "NONE");
        fields.put("displayName", word);
        fields.put("role", "STAFF");
        fields.put("wecomUserid", "intruder");
        fields.put("username", "intruder" + System.nanoTime());
        fields.put("communities", Long.toString(place.id()));
        return fields;
    }
}
