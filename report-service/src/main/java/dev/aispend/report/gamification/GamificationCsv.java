package dev.aispend.report.gamification;

import dev.aispend.report.web.CsvTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gamification report as CSV, one view at a time ({@code view=}): {@code leaderboard} (a row per place),
 * {@code phases} (the organization, then a row per team), {@code badges} (per team, badge and tier; a hidden
 * team one row with no figures) and {@code awards} (a row per award shown). Same figures as the JSON.
 */
final class GamificationCsv {
    private GamificationCsv() {
    }

    static CsvTable of(GamificationReport report, String view) {
        return switch (view) {
            case "phases" -> phases(report);
            case "badges" -> badges(report);
            case "awards" -> awards(report);
            default -> leaderboard(report);
        };
    }

    private static CsvTable leaderboard(GamificationReport report) {
        GamificationReport.Board board = report.leaderboard();
        List<List<Object>> rows = new ArrayList<>();
        for (GamificationReport.Place place : board.entries()) {
            rows.add(Arrays.asList(place.rank(), place.team(), place.personRef(), place.people(), place.suppressed(),
                    place.mergedPrs(), place.spendUsdMicros(), place.mergedPrsPerUsd(),
                    place.costPerMergedPrUsdMicros(), place.unranked(), board.level(), board.minMergedPrs(),
                    report.from(), report.to(), report.asOf().ledgerPosition()));
        }
        return new CsvTable(List.of("rank", "team", "personRef", "people", "suppressed", "mergedPrs",
                "spendUsdMicros", "mergedPrsPerUsd", "costPerMergedPrUsdMicros", "unranked", "level",
                "minMergedPrs", "from", "to", "asOfLedgerPosition"), rows);
    }

    private static CsvTable phases(GamificationReport report) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(phase("organization", report.phases().organization(), report));
        report.phases().teams().forEach(team -> rows.add(phase("team", team, report)));
        return new CsvTable(List.of("scope", "team", "phase", "source", "how", "since", "ledgerPosition",
                "decisionId", "policyId", "policyVersion", "asOfLedgerPosition"), rows);
    }

    private static List<Object> phase(String scope, GamificationReport.Phase phase, GamificationReport report) {
        return Arrays.asList(scope, phase.team(), phase.phase(), phase.source(), phase.how(), phase.since(),
                phase.ledgerPosition(), phase.decisionId(), phase.policyId(), phase.policyVersion(),
                report.asOf().ledgerPosition());
    }

    private static CsvTable badges(GamificationReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (GamificationReport.TeamBadges team : report.badges().byTeam()) {
            if (team.suppressed()) {
                rows.add(Arrays.asList(team.team(), team.people(), true, null, null, null, null, report.from(),
                        report.to(), report.asOf().ledgerPosition()));
                continue;
            }
            for (GamificationReport.BadgeCount count : team.counts()) {
                rows.add(Arrays.asList(team.team(), team.people(), false, count.badgeId(), count.badge(),
                        count.tier(), count.awards(), report.from(), report.to(), report.asOf().ledgerPosition()));
            }
        }
        return new CsvTable(List.of("team", "people", "suppressed", "badgeId", "badge", "tier", "awards", "from",
                "to", "asOfLedgerPosition"), rows);
    }

    private static CsvTable awards(GamificationReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (GamificationReport.Award award : report.badges().awarded()) {
            rows.add(Arrays.asList(award.team(), award.badgeId(), award.badgeVersion(), award.badge(), award.tier(),
                    award.windowKey(), award.awardedAt(), award.ledgerPosition(), award.personRef(),
                    award.decisionId(), report.asOf().ledgerPosition()));
        }
        return new CsvTable(List.of("team", "badgeId", "badgeVersion", "badge", "tier", "windowKey", "awardedAt",
                "ledgerPosition", "personRef", "decisionId", "asOfLedgerPosition"), rows);
    }
}
