package org.yunxie.core.shared;

import java.util.function.Function;

/** What a use case returns: the thing done, or a refusal the channel can explain. */
public sealed interface Result<T> permits Result.Done, Result.Refused {

    record Done<T>(T value) implements Result<T> {
    }

    record Refused<T>(Refusal refusal) implements Result<T> {
    }

    static <T> Result<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Result<T> refused(RefusalReason reason, Object... args) {
        return new Refused<>(Refusal.of(reason, args));
    }

    static <T> Result<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    default boolean isDone() {
        return this instanceof Done;
    }

    /** The value; for callers that already know the result is done (tests, seeds). */
    default T orElseThrow() {
        if (this instanceof Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException("refused: " + ((Refused<T>) this).refusal());
    }

    default <U> Result<U> map(Function<T, U> mapper) {
        if (this instanceof Done<T> done) {
            return new Done<>(mapper.apply(done.value()));
        }
        return new Refused<>(((Refused<T>) this).refusal());
    }
}
