package org.yunxie.core.indicator;

import java.time.YearMonth;
import java.util.List;

/**
 * The community's consultation figures as the Gulou evaluation counted them, over the twelve months up to
 * now: households that took part at least once (ballot, pledge, proposal or support) out of the eligible
 * households; proposals submitted; proposals answered; online rounds opened per month; chat groups where a
 * round ran. {@code months} holds the monthly series for the trend charts, oldest first.
 */
public record CommunityIndicators(int eligibleHouseholds, int participatingHouseholds, int proposals,
                                  int proposalsAnswered, int unansweredProposals, int roundsOpened,
                                  int groupsWithRounds, int groups, List<Month> months) {

    public CommunityIndicators {
        months = List.copyOf(months);
    }

    /** One month of activity: rounds opened, households that took part, proposals submitted. */
    public record Month(YearMonth month, int roundsOpened, int participatingHouseholds, int proposals) {
    }
}
