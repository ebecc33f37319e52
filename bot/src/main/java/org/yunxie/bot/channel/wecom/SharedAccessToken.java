package org.yunxie.bot.channel.wecom;

import java.io.Serial;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.cp.config.impl.WxCpRedisTemplateConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * WxJava's configuration storage with the access token (7200 s) shared by every instance through Redis,
 * and refreshed under a Redis lock so that instances do not each fetch their own and invalidate one another.
 * Redis only holds what can be rebuilt: when it is down this instance keeps a token of its own (fetched
 * under a local lock) instead of failing to answer residents.
 *
 * <p>WxJava 4.7.3.B computes the Redis keys in {@code setAgentId} from the CorpID, so set the CorpID first.
 */
final class SharedAccessToken extends WxCpRedisTemplateConfigImpl {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SharedAccessToken.class);
    /** Refresh a little early, as WxJava does for Redis. */
    private static final int EARLY_SECONDS = 200;

    private final transient ReentrantLock localLock = new ReentrantLock();
    private volatile String localToken;
    private volatile long localExpiresAt;

    private final transient WecomApiBase apiBase;

    SharedAccessToken(StringRedisTemplate redis, String keyPrefix, WecomApiBase apiBase) {
        super(redis, keyPrefix);
        this.apiBase = apiBase;
    }

    @Override
    public String getApiUrl(String path) {
        return apiBase.url() + path;
    }

    @Override
    public String getAccessToken() {
        try {
            return super.getAccessToken();
        } catch (RuntimeException e) {
            warn(e);
            return localToken;
        }
    }

    @Override
    public boolean isAccessTokenExpired() {
        try {
            return super.isAccessTokenExpired();
        } catch (RuntimeException e) {
            warn(e);
            return localToken == null || System.currentTimeMillis() >= localExpiresAt;
        }
    }

    @Override
    public void updateAccessToken(WxAccessToken token) {
        updateAccessToken(token.getAccessToken(), token.getExpiresIn());
    }

    @Override
    public void updateAccessToken(String token, int expiresInSeconds) {
        localToken = token;
        localExpiresAt = System.currentTimeMillis() + Math.max(0, expiresInSeconds - EARLY_SECONDS) * 1000L;
        try {
            super.updateAccessToken(token, expiresInSeconds);
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    @Override
    public void expireAccessToken() {
        localToken = null;
        try {
            super.expireAccessToken();
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    @Override
    public Lock getAccessTokenLock() {
        return new RedisOrLocalLock(super.getAccessTokenLock(), localLock);
    }

    private static void warn(RuntimeException e) {
        log.warn("WeCom access token kept on this instance only, Redis unavailable: {}", e.toString());
    }

    /** One use of the shared lock: taken in Redis when Redis answers, else locally. */
    private static final class RedisOrLocalLock implements Lock {
        private final Lock shared;
        private final Lock local;
        private Lock held;

        RedisOrLocalLock(Lock shared, Lock local) {
            this.shared = shared;
            this.local = local;
        }

        @Override
        public void lock() {
            try {
                shared.lock();
                held = shared;
            } catch (RuntimeException e) {
                warn(e);
                local.lock();
                held = local;
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            try {
                shared.lockInterruptibly();
                held = shared;
            } catch (RuntimeException e) {
                warn(e);
                local.lockInterruptibly();
                held = local;
            }
        }

        @Override
        public boolean tryLock() {
            try {
                if (shared.tryLock()) {
                    held = shared;
                    return true;
                }
                return false;
            } catch (RuntimeException e) {
                warn(e);
                if (local.tryLock()) {
                    held = local;
                    return true;
                }
                return false;
            }
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            try {
                if (shared.tryLock(time, unit)) {
                    held = shared;
                    return true;
                }
                return false;
            } catch (RuntimeException e) {
                warn(e);
                if (local.tryLock(time, unit)) {
                    held = local;
                    return true;
                }
                return false;
            }
        }

        @Override
        public void unlock() {
            Lock lock = held;
            held = null;
            if (lock == null) {
                return;
            }
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                // The Redis lock expires by itself (60 s) when Redis comes back.
                warn(e);
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }
}
