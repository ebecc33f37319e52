package org.yunxie.core.rule;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups households into owner heads: households linked through a shared owner (directly or through a
 * chain of co-owners) form one head; a household without a bound owner is a head of its own.
 */
public final class OwnerHeads {

    private OwnerHeads() {
    }

    /** Maps each household to its head key: {@code H<smallest household id of the group>}. */
    public static Map<Long, String> assign(Map<Long, Set<Long>> ownersByHousehold) {
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, Long> firstHouseholdOfOwner = new HashMap<>();
        ownersByHousehold.keySet().forEach(household -> parent.put(household, household));
        new TreeMap<>(ownersByHousehold).forEach((household, owners) -> {
            for (Long owner : owners) {
                Long earlier = firstHouseholdOfOwner.putIfAbsent(owner, household);
                if (earlier != null) {
                    union(parent, earlier, household);
                }
            }
        });
        Map<Long, String> heads = new HashMap<>();
        parent.keySet().forEach(household -> heads.put(household, "H" + find(parent, household)));
        return heads;
    }

    private static long find(Map<Long, Long> parent, long household) {
        long root = household;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        parent.put(household, root);
        return root;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long rootA = find(parent, a);
        long rootB = find(parent, b);
        if (rootA != rootB) {
            parent.put(Math.max(rootA, rootB), Math.min(rootA, rootB));
        }
    }
}
