package org.yunxie.core.costshare;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount in fen over households. Totals are split exactly: each household first gets the
 * rounded-down share, then the fen left over go one each to the households with the largest remainders,
 * ties broken by unit label, so the split is the same every time and adds up to the total.
 */
public final class CostSplit {

    /** A household to charge: its unit label (for tie-breaking) and its floor area in hundredths of m². */
    public record Payer(long householdId, String unitLabel, long areaCenti) {

        public Payer {
            if (unitLabel == null || areaCenti < 0) {
                throw new IllegalArgumentException("a payer needs a unit label and a floor area of zero or more");
            }
        }
    }

    private CostSplit() {
    }

    /** Each payer's share in fen; no payers, no shares. */
    public static Map<Long, Long> split(ShareMode mode, long amountFen, List<Payer> payers) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        Map<Long, Long> shares = new LinkedHashMap<>();
        if (payers.isEmpty()) {
            return shares;
        }
        switch (mode) {
            case PER_HOUSEHOLD -> payers.forEach(payer -> shares.put(payer.householdId(), amountFen));
            case TOTAL_EQUAL -> shares.putAll(proportional(amountFen, payers, payer -> 1L));
            case TOTAL_BY_AREA -> shares.putAll(proportional(amountFen, payers, Payer::areaCenti));
        }
        return shares;
    }

    private interface Weight {
        long of(Payer payer);
    }

    private record Portion(Payer payer, long floor, BigInteger remainder) {
    }

    private static Map<Long, Long> proportional(long total, List<Payer> payers, Weight weight) {
        BigInteger sum = BigInteger.valueOf(payers.stream().mapToLong(weight::of).sum());
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("cannot split by a weight that adds up to zero");
        }
        List<Portion> portions = new ArrayList<>();
        long given = 0;
        for (Payer payer : payers) {
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weight.of(payer)))
                    .divideAndRemainder(sum);
            portions.add(new Portion(payer, qr[0].longValueExact(), qr[1]));
            given += qr[0].longValueExact();
        }
        long left = total - given;
        portions.sort(Comparator.comparing(Portion::remainder).reversed()
                .thenComparing(portion -> portion.payer().unitLabel()));
        Map<Long, Long> shares = new LinkedHashMap<>();
        for (int i = 0; i < portions.size(); i++) {
            Portion portion = portions.get(i);
            shares.put(portion.payer().householdId(), portion.floor() + (i < left ? 1 : 0));
        }
        return shares;
    }
}
