package org.yunxie.core.shared;

/**
 * Receives the key the database generated for an insert, so that the rows themselves can stay immutable
 * records: {@code mapper.insert(row, id); long newId = id.value();}.
 */
public final class NewId {

    private Long value;

    public long value() {
        if (value == null) {
            throw new IllegalStateException("no key was generated");
        }
        return value;
    }

    public void setValue(Long value) {
        this.value = value;
    }

    public Long getValue() {
        return value;
    }
}
