package com.edutrack.testing;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.springframework.stereotype.Component;

/**
 * Records the MyBatis statements the server runs, so a test can bound what one request costs.
 * Authentication's own lookups ({@code AuthMapper}) are left out: every protected request makes them.
 * Picked up by component scanning in every test context; tests autowire it and call {@link #during}.
 */
@Component
@Intercepts({
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class, BoundSql.class}),
        @Signature(type = Executor.class, method = "queryCursor",
                args = {MappedStatement.class, Object.class, RowBounds.class}),
        @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})
})
public class StatementCounter implements Interceptor {

    private static final String AUTHENTICATION = "com.edutrack.auth.AuthMapper.";

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

    /**
     * The ids of the statements run while {@code action} ran (e.g. one HTTP request that the test
     * waits for). Tests sharing the server must not run requests in parallel with it.
     */
    public synchronized List<String> during(Runnable action) {
        statements.clear();
        action.run();
        return List.copyOf(statements);
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        // The four-argument query delegates to the six-argument one: count the outermost call only.
        if (inside.get()) {
            return invocation.proceed();
        }
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        // Scheduled clean-ups run on Spring's scheduling threads whenever they are due, not for a request.
        boolean background = Thread.currentThread().getName().startsWith("scheduling-");
        if (!statement.getId().startsWith(AUTHENTICATION) && !background) {
            statements.add(statement.getId());
        }
        inside.set(true);
        try {
            return invocation.proceed();
        } finally {
            inside.set(false);
        }
    }

    @Override
    public void setProperties(Properties properties) {
        // No settings.
    }
}
