package dev.aispend.report.distribution;

import dev.aispend.report.query.ReportAsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How spend is spread over people and how many use AI at all (docs/reports-efficiency.md), as of one ledger
 * position: per calendar month (UTC) the median, p90 and concentration of spend per active person; per ISO week
 * the adoption among the people in the directory. Money is integer USD micros; fractions are decimal strings. A
 * group hidden for privacy has {@code suppressed} true and no figures. No person ref appears.
 */
@Serdeable
public record DistributionReport(ReportAsOf asOf, LocalDate from, LocalDate to, Map<String, String> filters,
                                 List<Month> months, List<Week> weeks, Suppression suppression) {

    /**
     * One calendar month: its first day, the days of it inside the range (only those count), the people with
     * spend above zero, and the figures over them (null when nobody spent or hidden).
     */
    @Serdeable
    public record Month(LocalDate month, LocalDate from, LocalDate to, long activePeople, boolean suppressed,
                        @Nullable MonthFigures figures) {
    }

    /**
     * @param medianUsdMicros the middle spend; for an even count the mean of the two middle ones, half up
     * @param p90UsdMicros    the ceil(0.9·n)-th smallest spend (nearest rank)
     */
    @Serdeable
    public record MonthFigures(long spendUsdMicros, long medianUsdMicros, long p90UsdMicros,
                               Concentration top1Percent, Concentration top10Percent) {
    }

    /** The top {@code people} spenders (ceil(n/100), ceil(n/10)) and their share of the month's spend. */
    @Serdeable
    public record Concentration(long people,
                                @Schema(description = "a fraction with 4 places, rounded half up", example = "0.4213")
                                String share) {
    }

    /**
     * One ISO week (Monday start, UTC): its Monday, its ISO name, its days inside the range (activity counts only
     * those), the instant the directory is read at (the week's end), the people in the directory then, and how
     * many of them were active; plus the active people in no team of the directory, and the same per team.
     */
    @Serdeable
    public record Week(LocalDate week, String isoWeek, LocalDate from, LocalDate to, Instant directoryAt,
                       long directoryPeople, boolean suppressed, @Nullable Adoption adoption,
                       long activeOutsideDirectory, List<TeamWeek> teams) {
    }

    @Serdeable
    public record TeamWeek(String team, long directoryPeople, boolean suppressed, @Nullable Adoption adoption) {
    }

    /** The people of the directory group active in the week, and their share of it (4 places; null if empty). */
    @Serdeable
    public record Adoption(long activePeople,
                           @Schema(description = "a fraction with 4 places, rounded half up", example = "0.8000")
                           @Nullable String share) {
    }

    /** How many groups (months, weeks, team weeks) were hidden, and the group size below which they are. */
    @Serdeable
    public record Suppression(int hiddenGroups, int minGroupSize, boolean peopleVisible) {
    }
}
