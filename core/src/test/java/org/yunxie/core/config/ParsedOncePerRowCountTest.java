package org.yunxie.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.ibatis.binding.MapperMethod.ParamMap;
import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.parsing.XPathParser;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

class ParsedOncePerRowCountTest {

    record Row(long roundId, Long householdId, String choice, Instant castAt) {
    }

    private static final String MANY_ROWS = """
            <insert>INSERT INTO ballot_history (round_id, household_id, choice, cast_at) VALUES
              <foreach collection="rows" item="b" separator=",">
                (#{b.roundId}, #{b.householdId}, #{b.choice}, #{b.castAt})
              </foreach>
            </insert>""";

    private final Configuration configuration = configuration();

    @Test
    void everyRowCountBindsEachRowsValuesToTheColumnsMyBatisWouldAndIsParsedOnlyTheFirstTime() {
        SqlSource once = new ParsedOncePerRowCount().createSqlSource(configuration, script(MANY_ROWS), null);
        SqlSource everyTime = new XMLLanguageDriver().createSqlSource(configuration, script(MANY_ROWS), null);
        for (int count = 1; count <= 17; count++) {
            for (int call = 0; call < 3; call++) {
                ParamMap<Object> parameters = rows(count, call);
                BoundSql bound = once.getBoundSql(parameters);
                BoundSql expected = everyTime.getBoundSql(parameters);

                assertThat(bound.getSql()).isEqualTo(expected.getSql());
                assertThat(values(bound)).isEqualTo(values(expected)).hasSize(4 * count);
                assertThat(typeHandlers(bound)).isEqualTo(typeHandlers(expected));
                // Rendered the first time only: a rendered statement carries the items it bound.
                assertThat(bound.getAdditionalParameters().isEmpty()).isEqualTo(call > 0);
            }
        }
    }

    @Test
    void instantsKeepTheTypeHandlerThatStoresThemAsUtc() {
        SqlSource once = new ParsedOncePerRowCount().createSqlSource(configuration, script(MANY_ROWS), null);
        once.getBoundSql(rows(2, 0));

        BoundSql bound = once.getBoundSql(rows(2, 1));

        assertThat(bound.getParameterMappings().get(3).getProperty()).endsWith("[0].castAt");
        assertThat(bound.getParameterMappings().get(3).getTypeHandler()).isInstanceOf(UtcInstantTypeHandler.class);
    }

    @Test
    void aRowsPlaceTakenFromTheIndexIsRenderedEveryTimeAndStillRight() {
        String byIndex = MANY_ROWS.replace("item=\"b\"", "item=\"b\" index=\"i\"")
                .replace("#{b.choice}", "#{i}");
        SqlSource once = new ParsedOncePerRowCount().createSqlSource(configuration, script(byIndex), null);
        SqlSource everyTime = new XMLLanguageDriver().createSqlSource(configuration, script(byIndex), null);
        once.getBoundSql(rows(3, 0));

        BoundSql bound = once.getBoundSql(rows(3, 1));

        assertThat(values(bound)).isEqualTo(values(everyTime.getBoundSql(rows(3, 1))));
        assertThat(values(bound).get(2)).isEqualTo(0);
        assertThat(values(bound).get(6)).isEqualTo(1);
    }

    @Test
    void keysOfRowsReadInTwoListsOfOneCollectionAreBoundAsMyBatisWouldAndParsedOnlyTheFirstTime() {
        String twoKeys = """
                <select>SELECT * FROM ballot WHERE round_id IN
                  <foreach collection="rows" item="r" open="(" separator="," close=")">#{r.roundId}</foreach>
                  AND household_id IN
                  <foreach collection="rows" item="r" open="(" separator="," close=")">#{r.householdId}</foreach>
                </select>""";
        SqlSource once = new ParsedOncePerRowCount().createSqlSource(configuration, select(twoKeys), null);
        SqlSource everyTime = new XMLLanguageDriver().createSqlSource(configuration, select(twoKeys), null);
        for (int count = 1; count <= 9; count++) {
            for (int call = 0; call < 3; call++) {
                BoundSql bound = once.getBoundSql(rows(count, call));
                BoundSql expected = everyTime.getBoundSql(rows(count, call));

                assertThat(bound.getSql()).isEqualTo(expected.getSql());
                assertThat(values(bound)).isEqualTo(values(expected)).hasSize(2 * count);
                assertThat(bound.getAdditionalParameters().isEmpty()).isEqualTo(call > 0);
            }
        }
    }

    @Test
    void aListOfPlainValuesBesideAnotherParameterIsBoundByPlace() {
        String ids = """
                <select>SELECT * FROM member_identity WHERE kind = #{kind} AND external_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                </select>""";
        SqlSource once = new ParsedOncePerRowCount().createSqlSource(configuration, select(ids), null);
        once.getBoundSql(ids("WECOM_USER", List.of("a", "b", "c")));

        BoundSql bound = once.getBoundSql(ids("OPENID", List.of("x", "y", "z")));

        assertThat(bound.getAdditionalParameters()).isEmpty();
        assertThat(values(bound)).containsExactly("OPENID", "x", "y", "z");
    }

    @Test
    void aStatementWithAnythingElseDynamicIsRefusedWhenItIsRead() {
        String withIf = MANY_ROWS.replace("#{b.choice}", "<if test=\"b.choice != null\">#{b.choice}</if>");
        String twoLists = MANY_ROWS.replace("</insert>",
                "<foreach collection=\"more\" item=\"m\" separator=\",\">(#{m.roundId})</foreach></insert>");

        assertThatThrownBy(() -> new ParsedOncePerRowCount().createSqlSource(configuration, script(withIf), null))
                .isInstanceOf(BuilderException.class).hasMessageContaining("one <foreach>");
        assertThatThrownBy(() -> new ParsedOncePerRowCount().createSqlSource(configuration, script(twoLists), null))
                .isInstanceOf(BuilderException.class).hasMessageContaining("one <foreach>");
    }

    private static ParamMap<Object> ids(String kind, List<String> ids) {
        ParamMap<Object> parameters = new ParamMap<>();
        parameters.put("kind", kind);
        parameters.put("ids", ids);
        parameters.put("param1", kind);
        parameters.put("param2", ids);
        return parameters;
    }

    private static ParamMap<Object> rows(int count, int call) {
        List<Row> rows = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> rows.add(new Row(100 + call, i % 3 == 0 ? null : (long) i,
                "c" + call + "-" + i, Instant.ofEpochMilli(1_000L * i + call))));
        ParamMap<Object> parameters = new ParamMap<>();
        parameters.put("rows", rows);
        parameters.put("param1", rows);
        return parameters;
    }

    /** The values bound to the ?s, found the way MyBatis's parameter handler finds them. */
    private List<Object> values(BoundSql bound) {
        MetaObject parameters = configuration.newMetaObject(bound.getParameterObject());
        List<Object> values = new ArrayList<>();
        for (ParameterMapping mapping : bound.getParameterMappings()) {
            String property = mapping.getProperty();
            values.add(bound.hasAdditionalParameter(property) ? bound.getAdditionalParameter(property)
                    : parameters.getValue(property));
        }
        return values;
    }

    private static List<Class<?>> typeHandlers(BoundSql bound) {
        return bound.getParameterMappings().stream().<Class<?>>map(m -> m.getTypeHandler().getClass()).toList();
    }

    private static XNode script(String xml) {
        return new XPathParser(xml).evalNode("/insert");
    }

    private static XNode select(String xml) {
        return new XPathParser(xml).evalNode("/select");
    }

    private static Configuration configuration() {
        Configuration configuration = new Configuration();
        configuration.getTypeHandlerRegistry().register(UtcInstantTypeHandler.class);
        return configuration;
    }
}
