package org.yunxie.admin.round;

/** How much of a round's roll has responded: households and floor area (hundredths of m²). */
public record Coverage(int households, int eligibleHouseholds, long areaCenti, long eligibleAreaCenti) {
}
