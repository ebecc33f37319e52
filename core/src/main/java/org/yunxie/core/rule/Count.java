package org.yunxie.core.rule;

/** Households, owner heads and floor area (in hundredths of a square metre) counted together. */
public record Count(int households, int heads, long areaCenti) {

    public static final Count ZERO = new Count(0, 0, 0);

    public int people(HeadCounting counting) {
        return counting == HeadCounting.OWNERS ? heads : households;
    }
}
