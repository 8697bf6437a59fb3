package dev.aispend.report.web;

import dev.aispend.platform.security.Caller;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * Who may see people, and how small a group may be before its figures are hidden (docs/reports.md, Privacy;
 * docs/security.md). The caller's roles decide: finance auditors and compliance officers see people, a team lead
 * sees the people of the own team (a team-scoped caller reads nothing else), every other caller gets no person
 * refs, and no group of fewer than {@code REPORT_MIN_GROUP_SIZE} (default 5) people (nor a group whose hiding
 * would be undone by subtraction from the total). Outside a request (no caller) nobody is visible.
 */
@Singleton
public class ReportPrivacy {
    private final BooleanSupplier peopleVisible;
    private final int minGroupSize;

    @Inject
    public ReportPrivacy(SecurityService security, @Value("${report.privacy.min-group-size:5}") int minGroupSize) {
        this(() -> security.getAuthentication().map(Caller::of).map(Caller::seesPeople).orElse(false), minGroupSize);
    }

    private ReportPrivacy(BooleanSupplier peopleVisible, int minGroupSize) {
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("report.privacy.min-group-size must be at least 1");
        }
        this.peopleVisible = peopleVisible;
        this.minGroupSize = minGroupSize;
    }

    /** The rules for a caller who always does, or never does, see people (the pure evaluators' tests). */
    public static ReportPrivacy forCaller(boolean peopleVisible, int minGroupSize) {
        return new ReportPrivacy(() -> peopleVisible, minGroupSize);
    }

    /** Whether the current request's caller may see people. */
    public boolean peopleVisible() {
        return peopleVisible.getAsBoolean();
    }

    public int minGroupSize() {
        return minGroupSize;
    }

    /** Refuses a person-level view (asked for by {@code field}) to a caller who may not see people. */
    public void requirePeopleVisible(String field) {
        if (!peopleVisible()) {
            throw new PeopleNotVisibleException(field);
        }
    }

    /**
     * Which of {@code groups} to hide from a caller who may not see people: every group of 1 to k-1 people, and,
     * when the hidden groups together count fewer than k people, the next smallest groups too, so no hidden
     * group's figures can be recovered by subtracting the shown ones from a total. Nothing is hidden from a caller
     * who may see people. Returns the indexes to hide.
     */
    public <T> List<Integer> hidden(List<T> groups, ToLongFunction<T> people) {
        List<Integer> hidden = new ArrayList<>();
        if (peopleVisible()) {
            return hidden;
        }
        List<Integer> bySize = new ArrayList<>();
        for (int index = 0; index < groups.size(); index++) {
            bySize.add(index);
        }
        bySize.sort(Comparator.comparingLong(index -> people.applyAsLong(groups.get(index))));
        long hiddenPeople = 0;
        for (int index : bySize) {
            long size = people.applyAsLong(groups.get(index));
            if (size == 0) {
                // No one's figures (a correction alone, or a re-attribution's remainder): nothing to hide.
                continue;
            }
            boolean small = size < minGroupSize;
            boolean complement = !hidden.isEmpty() && hiddenPeople < minGroupSize;
            if (!small && !complement) {
                break;
            }
            hidden.add(index);
            hiddenPeople += size;
        }
        return hidden;
    }
}
