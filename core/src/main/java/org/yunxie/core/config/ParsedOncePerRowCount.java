package org.yunxie.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;

/**
 * For many-row INSERTs and reads of many keys, a statement whose only dynamic parts are {@code <foreach>}es over
 * one and the same list: parses it once for each number of rows instead of at every call. MyBatis renders a
 * {@code <foreach>} anew for every call (OGNL over every item, then every {@code #{}} of the result parsed and its
 * type looked up), and for 16 rows of 10 columns that cost the bot more CPU than the round trips the one
 * statement saves. The text of such a statement depends only on how many rows it has, so the first call with n
 * rows is rendered the usual way and kept as a static statement whose parameters name the rows by their place
 * ({@code rows[3].castAt}, or {@code ids[3]} for a list of plain values). Use it with
 * {@code lang="parsedOncePerRowCount"}; a statement with anything else dynamic is refused at start.
 */
public class ParsedOncePerRowCount extends XMLLanguageDriver {

    static final String ALIAS = "parsedOncePerRowCount";

    /** Row counts kept per statement; a call with another count is rendered the usual way. */
    static final int ROW_COUNTS_KEPT = 64;

    @Override
    public SqlSource createSqlSource(Configuration configuration, XNode script, Class<?> parameterType) {
        List<XNode> dynamic = script.getChildren();
        boolean onlyForeach = dynamic.stream().allMatch(
                node -> "foreach".equals(node.getName()) && node.getChildren().isEmpty());
        long lists = dynamic.stream().map(node -> node.getStringAttribute("collection")).distinct().count();
        if (dynamic.isEmpty() || !onlyForeach || lists != 1) {
            throw new BuilderException(ALIAS + " is for a statement that is one <foreach> (or several over one list)"
                    + " and nothing else dynamic, so that its text depends only on how many rows it has: "
                    + script.getStringBody());
        }
        return new PerRowCount(configuration, super.createSqlSource(configuration, script, parameterType));
    }

    @Override
    public SqlSource createSqlSource(Configuration configuration, String script, Class<?> parameterType) {
        throw new BuilderException(ALIAS + " is for statements in mapper XML");
    }

    private static final class PerRowCount implements SqlSource {
        /**
         * How MyBatis names the items of the {@code <foreach>}es it renders: {@code __frch_<item>_<i>}, i counting
         * on from one loop to the next, so that with n rows item i is row i % n.
         */
        private static final Pattern ITEM = Pattern.compile("__frch_(.+)_(\\d+)((?:\\..+)?)");

        private final Configuration configuration;
        private final SqlSource rendered;
        private final ConcurrentMap<Integer, Parsed> parsed = new ConcurrentHashMap<>();

        PerRowCount(Configuration configuration, SqlSource rendered) {
            this.configuration = configuration;
            this.rendered = rendered;
        }

        @Override
        public BoundSql getBoundSql(Object parameter) {
            List<?> rows = onlyList(parameter);
            if (rows == null) {
                return rendered.getBoundSql(parameter);
            }
            Parsed once = parsed.get(rows.size());
            if (once != null && ((Map<?, ?>) parameter).get(once.listName()) == rows) {
                return once.sql().getBoundSql(parameter);
            }
            BoundSql bound = rendered.getBoundSql(parameter);
            if (once == null && parsed.size() < ROW_COUNTS_KEPT) {
                parse(bound, (Map<?, ?>) parameter, rows).ifPresent(p -> parsed.putIfAbsent(rows.size(), p));
            }
            return bound;
        }

        /** The one list among the parameters (MyBatis offers it under its name and as "param1"), or null. */
        private static List<?> onlyList(Object parameter) {
            if (!(parameter instanceof Map<?, ?> parameters)) {
                return null;
            }
            List<?> only = null;
            for (Object value : parameters.values()) {
                if (value instanceof List<?> list) {
                    if (only != null && only != list) {
                        return null;
                    }
                    only = list;
                }
            }
            return only;
        }

        /**
         * The statement just rendered, as static SQL naming each row by its place in the list; empty when a
         * parameter is not plainly a row's property (then every call is rendered).
         */
        private Optional<Parsed> parse(BoundSql bound, Map<?, ?> parameters, List<?> rows) {
            String listName = parameters.entrySet().stream().filter(e -> e.getValue() == rows)
                    .map(e -> String.valueOf(e.getKey())).sorted().findFirst().orElseThrow();
            List<ParameterMapping> byPlace = new ArrayList<>();
            for (ParameterMapping mapping : bound.getParameterMappings()) {
                Matcher item = ITEM.matcher(mapping.getProperty());
                if (!item.matches()) {
                    if (bound.hasAdditionalParameter(mapping.getProperty())) {
                        return Optional.empty();
                    }
                    byPlace.add(mapping);
                    continue;
                }
                int number = Integer.parseInt(item.group(2));
                int place = number % rows.size();
                Object row = bound.getAdditionalParameter("__frch_" + item.group(1) + "_" + number);
                if (rows.get(place) != row) {
                    return Optional.empty();
                }
                byPlace.add(renamed(mapping, listName + "[" + place + "]" + item.group(3)));
            }
            return Optional.of(new Parsed(listName, new StaticSqlSource(configuration, bound.getSql(), byPlace)));
        }

        private ParameterMapping renamed(ParameterMapping mapping, String property) {
            return new ParameterMapping.Builder(configuration, property, mapping.getTypeHandler())
                    .javaType(mapping.getJavaType())
                    .jdbcType(mapping.getJdbcType())
                    .jdbcTypeName(mapping.getJdbcTypeName())
                    .numericScale(mapping.getNumericScale())
                    .mode(mapping.getMode())
                    .resultMapId(mapping.getResultMapId())
                    .build();
        }
    }

    private record Parsed(String listName, SqlSource sql) {
    }
}
