package org.yunxie.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnerHeadsTest {

    static Stream<Arguments> buildings() {
        return Stream.of(
                building("nobody owns anything: every household is its own head",
                        owners(owns(1), owns(2), owns(3)),
                        groups(group(1), group(2), group(3))),
                building("two households of one owner form one head",
                        owners(owns(1, 10), owns(2, 10), owns(3, 30)),
                        groups(group(1, 2), group(3))),
                building("co-owners of different units without a common owner stay apart",
                        owners(owns(1, 10, 11), owns(2, 20, 21)),
                        groups(group(1), group(2))),
                building("a chain of co-owners joins three households",
                        owners(owns(3, 100), owns(7, 100, 200), owns(9, 200), owns(4, 300)),
                        groups(group(3, 7, 9), group(4))),
                building("the linking household comes last",
                        owners(owns(9, 100), owns(2, 200), owns(5, 100, 200), owns(6)),
                        groups(group(2, 5, 9), group(6))),
                building("two groups joined by a later household",
                        owners(owns(1, 10), owns(2, 10), owns(3, 20), owns(4, 20), owns(8, 10, 20), owns(5, 50)),
                        groups(group(1, 2, 3, 4, 8), group(5))),
                building("no households", owners(), groups()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buildings")
    void householdsLinkedByOwnersShareAHeadAndTheRestStandAlone(String sentence, Map<Long, Set<Long>> owners,
                                                               Set<Set<Long>> expectedGroups) {
        Map<Long, String> heads = OwnerHeads.assign(owners);

        assertThat(heads.keySet()).isEqualTo(owners.keySet());
        Collection<Set<Long>> groups = heads.keySet().stream()
                .collect(Collectors.groupingBy(heads::get, Collectors.toSet())).values();
        assertThat(new HashSet<>(groups)).isEqualTo(expectedGroups);
    }

    @Test
    void aHeadIsNamedAfterTheSmallestHouseholdOfItsGroup() {
        Map<Long, String> heads = OwnerHeads.assign(owners(owns(42, 7), owns(17, 7, 8), owns(23, 8), owns(5)));

        assertThat(heads).isEqualTo(Map.of(42L, "H17", 17L, "H17", 23L, "H17", 5L, "H5"));
    }

    private static Arguments building(String sentence, Map<Long, Set<Long>> owners, Set<Set<Long>> groups) {
        return Arguments.of(sentence, owners, groups);
    }

    private static Map.Entry<Long, Set<Long>> owns(long household, long... owners) {
        return Map.entry(household, LongStream.of(owners).boxed().collect(Collectors.toSet()));
    }

    @SafeVarargs
    private static Map<Long, Set<Long>> owners(Map.Entry<Long, Set<Long>>... entries) {
        Map<Long, Set<Long>> owners = new LinkedHashMap<>();
        Arrays.stream(entries).forEach(entry -> owners.put(entry.getKey(), entry.getValue()));
        return owners;
    }

    private static Set<Long> group(long... households) {
        return LongStream.of(households).boxed().collect(Collectors.toSet());
    }

    @SafeVarargs
    private static Set<Set<Long>> groups(Set<Long>... groups) {
        return Set.of(groups);
    }
}
