package dev.aispend.policy.badge;

import dev.aispend.policy.activity.PeopleDirectory;
import dev.aispend.policy.activity.PersonTally;
import dev.aispend.policy.activity.TeamMedian;
import dev.aispend.policy.activity.ZoneActivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * A badge metric's value for one person, in whole numbers. Pure. Counting metrics are judged as entries arrive;
 * shares and comparisons with the team's median when their window closes ({@link BadgeMetric#atWindowClose()}).
 */
public final class BadgeJudge {
    /** A value a person reached, with the figures behind it (the award's evidence). */
    public record Reached(long value, Map<String, Object> figures) {
    }

    private BadgeJudge() {
    }

    /** The value of a counting metric: {@code tally} is the person's in the window; {@code streak} in weeks. */
    public static Reached counted(BadgeMetric metric, PersonTally tally, int streak) {
        Map<String, Object> figures = new LinkedHashMap<>();
        long value = switch (metric) {
            case FIRST_USE -> tally.calls() > 0 ? 1 : 0;
            case ACTIVE_WEEKS_STREAK -> streak;
            case DISTINCT_MODELS -> tally.distinctModels();
            case MERGED_AI_PRS -> tally.mergedAiPullRequests();
            default -> throw new IllegalArgumentException(metric + " is judged when its window closes");
        };
        figures.put(metric == BadgeMetric.ACTIVE_WEEKS_STREAK ? "activeWeeksInARow" : "value", value);
        return new Reached(value, figures);
    }

    /**
     * The value of a share or comparison metric for {@code personRef} in a closed window, or empty when the person
     * does not qualify (too few tokens or merged PRs, not below the median).
     */
    public static Optional<Reached> atClose(BadgeDefinition badge, String personRef,
                                                      ZoneActivity.ClosedWindow window, PeopleDirectory directory) {
        PersonTally tally = window.people().get(personRef);
        if (tally == null) {
            return Optional.empty();
        }
        return switch (badge.metric()) {
            case CACHE_READ_SHARE_PERCENT -> cacheShare(badge, tally);
            case COST_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT -> belowMedian(badge, personRef, window, directory,
                    PersonTally::costUsdMicros, "costPerMergedPrUsdMicros");
            case TOKENS_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT -> belowMedian(badge, personRef, window, directory,
                    PersonTally::totalTokens, "tokensPerMergedPr");
            default -> throw new IllegalArgumentException(badge.metric() + " is judged as entries arrive");
        };
    }

    private static Optional<Reached> cacheShare(BadgeDefinition badge, PersonTally tally) {
        long prompt = tally.promptTokens();
        if (prompt == 0 || prompt < badge.minimumInputTokens()) {
            return Optional.empty();
        }
        long percent = tally.cacheReadTokens() * 100 / prompt;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cacheReadTokens", tally.cacheReadTokens());
        figures.put("inputTokensAllKinds", prompt);
        figures.put("cacheReadSharePercent", percent);
        return Optional.of(new Reached(percent, figures));
    }

    private static Optional<Reached> belowMedian(BadgeDefinition badge, String personRef,
                                                           ZoneActivity.ClosedWindow window,
                                                           PeopleDirectory directory, ToLongFunction<PersonTally> of,
                                                           String figure) {
        PersonTally own = window.people().get(personRef);
        String team = directory.teamOf(personRef);
        if (team == null || own.mergedPullRequests() < badge.minimumMergedPrs()) {
            return Optional.empty();
        }
        List<Long> perPr = new ArrayList<>();
        window.people().forEach((person, tally) -> {
            if (team.equals(directory.teamOf(person)) && tally.mergedPullRequests() >= badge.minimumMergedPrs()) {
                perPr.add(of.applyAsLong(tally) / tally.mergedPullRequests());
            }
        });
        OptionalLong median = TeamMedian.of(perPr);
        long mine = of.applyAsLong(own) / own.mergedPullRequests();
        if (median.isEmpty() || mine >= median.getAsLong()) {
            return Optional.empty();
        }
        long percentBelow = (median.getAsLong() - mine) * 100 / median.getAsLong();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(figure, mine);
        figures.put("teamMedian", median.getAsLong());
        figures.put("teamPeopleCompared", perPr.size());
        figures.put("mergedPullRequests", own.mergedPullRequests());
        figures.put("percentBelowTeamMedian", percentBelow);
        return Optional.of(new Reached(percentBelow, figures));
    }
}
