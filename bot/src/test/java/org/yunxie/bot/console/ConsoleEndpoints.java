package org.yunxie.bot.console;

import java.util.ArrayList;
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
}
