package dev.aispend.report.gamification;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.web.ReportDays;
import dev.aispend.report.web.ReportParameters;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * The parameters of the gamification report, checked: the range (optional, {@link ReportDays}), one team,
 * {@code level} (team or person) and {@code minMergedPrs} of the leaderboard, and the CSV {@code view}.
 *
 * @param days null for the month of the ledger clock
 */
public record GamificationQuery(@Nullable ReportDays days, @Nullable String team, boolean personLevel,
                                long minMergedPrs, String view) {
    public static final long DEFAULT_MIN_MERGED_PRS = 3;
    public static final long MAX_MIN_MERGED_PRS = 1_000_000_000L;
    public static final List<String> VIEWS = List.of("leaderboard", "phases", "badges", "awards");

    /** Parses what was asked; every problem goes to {@code errors} (and null is returned then). */
    @Nullable
    public static GamificationQuery parse(@Nullable String from, @Nullable String to, @Nullable String team,
                                          @Nullable String level, @Nullable String minMergedPrs,
                                          @Nullable String view, int maxRangeDays, List<FieldError> errors) {
        int before = errors.size();
        ReportDays days = ReportParameters.optionalRange(from, to, maxRangeDays, errors);
        String teamName = ReportParameters.team(team, errors);
        boolean personLevel = false;
        if (level != null && !level.isBlank()) {
            switch (level.strip().toLowerCase(Locale.ROOT)) {
                case "team" -> personLevel = false;
                case "person" -> personLevel = true;
                default -> errors.add(new FieldError("level", "must be team or person"));
            }
        }
        long minimum = DEFAULT_MIN_MERGED_PRS;
        if (minMergedPrs != null && !minMergedPrs.isBlank()) {
            minimum = wholeNumber("minMergedPrs", minMergedPrs, MAX_MIN_MERGED_PRS, errors);
        }
        String chosenView = "leaderboard";
        if (view != null && !view.isBlank()) {
            chosenView = view.strip().toLowerCase(Locale.ROOT);
            if (!VIEWS.contains(chosenView)) {
                errors.add(new FieldError("view", "must be leaderboard, phases, badges or awards"));
            }
        }
        return errors.size() > before ? null
                : new GamificationQuery(days, teamName, personLevel, minimum, chosenView);
    }

    private static long wholeNumber(String name, String value, long max, List<FieldError> errors) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            errors.add(new FieldError(name, "must be a whole number from 1 to " + max));
            return 0;
        }
        long number = Long.parseLong(text);
        if (number < 1 || number > max) {
            errors.add(new FieldError(name, "must be a whole number from 1 to " + max));
        }
        return number;
    }
}
