package org.yunxie.core.indicator;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Computes a community's indicators from what really happened (ballots, pledges, proposals, supports, rounds),
 * never from figures typed in. Months are calendar months in the community's time zone.
 */
@Service
public class MeasuringCommunity {

    static final int MONTHS = 12;

    private final IndicatorMapper mapper;
    private final Clock clock;
    private final ZoneId zone;

    MeasuringCommunity(IndicatorMapper mapper, Clock clock, @Value("${yunxie.time-zone:Asia/Shanghai}") String zone) {
        this.mapper = mapper;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public CommunityIndicators measure(long communityId) {
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(zone));
        Instant yearAgo = now.atZone(zone).minusMonths(MONTHS).toInstant();
        List<CommunityIndicators.Month> months = new ArrayList<>();
        for (int back = MONTHS - 1; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant until = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            months.add(new CommunityIndicators.Month(month, mapper.countRoundsOpened(communityId, from, until),
                    mapper.countParticipatingHouseholds(communityId, from, until),
                    mapper.countProposals(communityId, from, until)));
        }
        Instant end = now.plusMillis(1);
        return new CommunityIndicators(mapper.countEligibleHouseholds(communityId),
                mapper.countParticipatingHouseholds(communityId, yearAgo, end),
                mapper.countProposals(communityId, yearAgo, end),
                mapper.countProposalsAnswered(communityId, yearAgo, end),
                mapper.countUnansweredProposals(communityId),
                mapper.countRoundsOpened(communityId, yearAgo, end),
                mapper.countGroupsWithRounds(communityId, yearAgo, end),
                mapper.countGroups(communityId), months);
    }
}
