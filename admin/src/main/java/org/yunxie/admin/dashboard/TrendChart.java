package org.yunxie.admin.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.yunxie.core.indicator.CommunityIndicators;

/** A month-by-month bar chart drawn as inline SVG by the dashboard: bar heights on a 0–100 scale. */
public record TrendChart(String titleKey, List<Bar> bars, int max) {

    public record Bar(String label, int value, int height) {
    }

    static TrendChart of(String titleKey, List<CommunityIndicators.Month> months,
                         ToIntFunction<CommunityIndicators.Month> value) {
        int max = months.stream().mapToInt(value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (CommunityIndicators.Month month : months) {
            int v = value.applyAsInt(month);
            bars.add(new Bar(month.month().getMonthValue() + "", v, max == 0 ? 0 : Math.max(v == 0 ? 0 : 2, v * 100 / max)));
        }
        return new TrendChart(titleKey, bars, max);
    }
}
