package org.yunxie.core.config;

import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.yunxie.core.shared.InsertedAtCommit;

/**
 * Before any statement that reads, writes the rows the transaction kept back for tables it may read back
 * ({@link InsertedAtCommit.Table#readBack}): every read of the transaction sees its own writes, as if they had
 * been made one by one. Core reads the database only through MyBatis, so this is every read.
 */
@Intercepts({
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
                        BoundSql.class}),
        @Signature(type = Executor.class, method = "queryCursor",
                args = {MappedStatement.class, Object.class, RowBounds.class})})
final class WrittenBeforeQueries implements Interceptor {

    private final InsertedAtCommit kept;

    WrittenBeforeQueries(InsertedAtCommit kept) {
        this.kept = kept;
    }

    /**
     * Only executors (one a transaction): MyBatis offers every statement's handlers to each plugin too, and
     * the default wrapping reads this class's annotations again each time (2 % of the bot's CPU a vote).
     */
    @Override
    public Object plugin(Object target) {
        return target instanceof Executor ? Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        kept.flushReadBack();
        return invocation.proceed();
    }
}
