package org.yunxie.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.ibatis.binding.MapperMethod.ParamMap;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.roster.IdentityKind;

/**
 * The reads of votes answered together take many keys through a {@code <foreach>}: as mapped on the database the
 * tests run on, each is rendered once per number of keys and bound by place after that.
 */
@SpringBootTest
class ManyKeyReadsParsedOnceTest {

    @Autowired
    SqlSessionFactory sessions;

    @ParameterizedTest
    @ValueSource(strings = {"org.yunxie.core.round.RoundMapper.lockOpenInGroups",
            "org.yunxie.core.group.ChatGroupMapper.findByWecomChatIds",
            "org.yunxie.core.roster.MemberMapper.findByIdentitiesWithBindings",
            "org.yunxie.core.ballot.BallotMapper.lockPlacesOfMembers"})
    void isRenderedOnlyAtTheFirstCallWithSoManyKeys(String statement) {
        var mapped = sessions.getConfiguration().getMappedStatement(statement);

        BoundSql first = mapped.getBoundSql(parameters(statement, 0));
        BoundSql later = mapped.getBoundSql(parameters(statement, 1));

        assertThat(first.getAdditionalParameters()).isNotEmpty();
        assertThat(later.getAdditionalParameters()).isEmpty();
        assertThat(later.getSql()).isEqualTo(first.getSql());
    }

    /** Three keys, different at each call, named as MyBatis names a mapper method's parameters. */
    private static ParamMap<Object> parameters(String statement, int call) {
        ParamMap<Object> parameters = new ParamMap<>();
        if (statement.endsWith("lockPlacesOfMembers")) {
            List<Object> wanted = List.of(new PairKey(call, 1), new PairKey(call, 2), new PairKey(call, 3));
            parameters.put("wanted", wanted);
            parameters.put("param1", wanted);
        } else if (statement.endsWith("findByIdentitiesWithBindings")) {
            List<String> ids = List.of("a" + call, "b" + call, "c" + call);
            parameters.put("kind", IdentityKind.WECOM_USER);
            parameters.put("externalIds", ids);
            parameters.put("param1", IdentityKind.WECOM_USER);
            parameters.put("param2", ids);
        } else {
            boolean chats = statement.endsWith("findByWecomChatIds");
            List<Object> keys = chats ? List.of("c1" + call, "c2" + call, "c3" + call)
                    : List.of(10L + call, 20L + call, 30L + call);
            String name = chats ? "wecomChatIds" : "chatGroupIds";
            parameters.put(name, keys);
            parameters.put("param1", keys);
        }
        return parameters;
    }

    /** Has the properties a round and member pair has. */
    public record PairKey(long roundId, long memberId) {
    }
}
