package dev.aispend.report.efficiency;

import dev.aispend.report.web.ReportPrivacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * {@link ReportPrivacy#hidden} over the groups that have people. ReportPrivacy sorts the groups by size and stops
 * at the first that is neither small nor needed to reach k; an empty group (an empty quintile, a team with spend
 * but nobody active) sorts first and would stop it before the small ones. Empty groups reveal nobody, so they are
 * left out of the choice and never hidden.
 */
public final class SmallGroups {
    private SmallGroups() {
    }

    /** The indexes of {@code groups} to hide from a caller who may not see people. */
    public static <T> List<Integer> hidden(ReportPrivacy privacy, List<T> groups, ToLongFunction<T> people) {
        List<Integer> withPeople = new ArrayList<>();
        for (int index = 0; index < groups.size(); index++) {
            if (people.applyAsLong(groups.get(index)) > 0) {
                withPeople.add(index);
            }
        }
        List<Integer> hidden = new ArrayList<>();
        for (int chosen : privacy.hidden(withPeople, index -> people.applyAsLong(groups.get(index)))) {
            hidden.add(withPeople.get(chosen));
        }
        return hidden;
    }
}
