package dev.aispend.report.distribution;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.report.efficiency.LedgerLines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The distribution figures worked out a second, plain way from the payloads (in ledger order) and their lines
 * (LedgerLines: the fixture's attribution rules), never from the report's code.
 */
final class ExpectedDistribution {
    record Month(long people, long spend, long median, long p90, long top1People, String top1Share,
                 long top10People, String top10Share) {
    }

    /** Per team [people in the directory, of them active]; the overall counts are their sums. */
    record Week(Map<String, long[]> teams, long directoryPeople, long activeInDirectory, long outside) {
    }

    private ExpectedDistribution() {
    }

    static Month month(List<LedgerLines> lines, LocalDate from, LocalDate to, String team) {
        Map<String, Long> spendOf = new HashMap<>();
        for (LedgerLines line : lines) {
            if (line.within(from, to) && (team == null || team.equals(line.team()))) {
                spendOf.merge(line.personRef(), line.costUsdMicros(), Long::sum);
            }
        }
        List<Long> sorted = new ArrayList<>(spendOf.values().stream().filter(value -> value > 0).sorted().toList());
        int n = sorted.size();
        if (n == 0) {
            return new Month(0, 0, 0, 0, 0, null, 0, null);
        }
        long total = sorted.stream().mapToLong(Long::longValue).sum();
        long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2) + 1) / 2;
        long p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
        int top1 = (int) Math.ceil(n / 100.0);
        int top10 = (int) Math.ceil(n / 10.0);
        return new Month(n, total, median, p90, top1, share(sorted, top1, total), top10,
                share(sorted, top10, total));
    }

    /** The week of {@code monday} over the days from..to, the directory as the first {@code asOf} entries say. */
    static Week week(List<LedgerPayload> payloads, long asOf, LocalDate monday, LocalDate from, LocalDate to,
                     String team) {
        Instant end = monday.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, IdentityLinked> latest = new HashMap<>();
        for (LedgerPayload payload : payloads.subList(0, (int) Math.min(asOf, payloads.size()))) {
            if (payload instanceof IdentityLinked link && link.occurredAt().isBefore(end)) {
                IdentityLinked before = latest.get(link.personRef());
                if (before == null || !link.occurredAt().isBefore(before.occurredAt())) {
                    latest.put(link.personRef(), link);
                }
            }
        }
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> inTeam = new HashMap<>();
        for (LedgerLines line : LedgerLines.of(payloads, asOf)) {
            if (line.within(from, to)) {
                total.merge(line.personRef(), line.costUsdMicros(), Long::sum);
                if (team == null || team.equals(line.team())) {
                    inTeam.merge(line.personRef(), line.costUsdMicros(), Long::sum);
                }
            }
        }
        Set<String> directory = new HashSet<>();
        Map<String, long[]> teams = new TreeMap<>();
        long people = 0;
        long active = 0;
        for (IdentityLinked link : latest.values()) {
            if ("departed".equals(link.team())) {
                continue;
            }
            directory.add(link.personRef());
            if (team != null && !team.equals(link.team())) {
                continue;
            }
            boolean spent = total.getOrDefault(link.personRef(), 0L) > 0;
            long[] counts = teams.computeIfAbsent(link.team(), name -> new long[2]);
            counts[0]++;
            counts[1] += spent ? 1 : 0;
            people++;
            active += spent ? 1 : 0;
        }
        long outside = inTeam.entrySet().stream().filter(person -> person.getValue() > 0)
                .filter(person -> !directory.contains(person.getKey())).count();
        return new Week(teams, people, active, outside);
    }

    /** The top {@code count} values' share of {@code total}, 4 places, half up (for non-negative values). */
    private static String share(List<Long> sorted, int count, long total) {
        long top = sorted.subList(sorted.size() - count, sorted.size()).stream().mapToLong(Long::longValue).sum();
        long tenThousandths = (20_000 * top + total) / (2 * total);
        return tenThousandths / 10_000 + "." + String.format("%04d", tenThousandths % 10_000);
    }

    /** a / b with four places, half up, or null for b = 0. */
    static String fourPlaces(long a, long b) {
        if (b == 0) {
            return null;
        }
        long tenThousandths = (20_000 * a + b) / (2 * b);
        return tenThousandths / 10_000 + "." + String.format("%04d", tenThousandths % 10_000);
    }
}
