package dev.aispend.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One person's uses on one day, in the shape of their client. Working hours are 07:00-21:00 UTC, every use
 * reported by 21:59, so honest people never touch the anti-gaming rule's off-hours (22:00-06:00); only the
 * overnight gamer's agent loops run then.
 */
final class DayShapes {
    private static final int FIRST_HOUR = 7;
    private static final int LAST_REPORT_HOUR = 21;
    private static final int MAX_USES_PER_DAY = 40;
    private static final List<String> CODING_PURPOSES = List.of("coding", "coding", "coding", "coding",
            "code-review", "debugging", "debugging", "docs");

    private final DemoSpec spec;
    private final Person person;
    private final String idPrefix;
    private final Random random;
    private final Instant inflationFrom;
    private int sequence;

    DayShapes(DemoSpec spec, Person person, int personIndex, Random random) {
        this.spec = spec;
        this.person = person;
        this.idPrefix = "demo-" + Long.toHexString(spec.seed()) + "-" + personIndex + "-";
        this.random = random;
        // The inflation starts with the second Monday after the period began: one honest full week before it.
        LocalDate firstMonday = LocalDate.ofInstant(spec.start(), ZoneOffset.UTC).with(TemporalAdjusters.next(
                java.time.DayOfWeek.MONDAY));
        this.inflationFrom = firstMonday.plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    List<Use> day(LocalDate day, long targetUsdMicros) {
        return switch (person.client()) {
            case CLAUDE_CODE -> sessions(day, targetUsdMicros);
            case GATEWAY, SUPPORT_ASSISTANT, NOTEBOOK -> calls(day, targetUsdMicros);
        };
    }

    /** Claude Code sessions of one to four hours, in parallel when a day's work needs more hours than it has. */
    private List<Use> sessions(LocalDate day, long target) {
        List<Use> uses = new ArrayList<>();
        long spent = 0;
        while (spent < target && uses.size() < MAX_USES_PER_DAY) {
            long hoursLeft = (target - spent + UsageGenerator.typicalUse(Client.CLAUDE_CODE) - 1)
                    / UsageGenerator.typicalUse(Client.CLAUDE_CODE);
            int hours = (int) Math.max(1, Math.min(1 + random.nextInt(4), hoursLeft));
            int startHour = FIRST_HOUR + random.nextInt(LAST_REPORT_HOUR - FIRST_HOUR - hours + 1);
            Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC)
                    .plus(Duration.ofMinutes(startHour * 60L + random.nextInt(60)));
            for (Use use : session(start, hours, claudeModel(), Draw.pick(random, CODING_PURPOSES))) {
                spent += Prices.of(use.model()).cost(honest(use.tokens(), use.start()));
                uses.add(use);
            }
        }
        return uses;
    }

    /** The overnight gamer's agent loop: six hours of Opus from 23:xx, every hour reported in the off-hours. */
    List<Use> night(LocalDate day) {
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(23 * 60L
                + random.nextInt(50)));
        return session(start, 6, Prices.OPUS, "coding");
    }

    private List<Use> session(Instant start, int hours, String model, String purpose) {
        String sessionId = Roster.uuid(spec.seed(), "session", idPrefix + sequence++).toString();
        List<Use> uses = new ArrayList<>();
        for (int hour = 0; hour < hours; hour++) {
            Instant from = start.plus(Duration.ofHours(hour));
            Tokens tokens = TokenProfiles.claudeCodeHour(random);
            if (person.behaviour() == Behaviour.PROMPT_INFLATION && !from.isBefore(inflationFrom)) {
                tokens = TokenProfiles.inflated(tokens);
            }
            uses.add(new Use(idPrefix + sequence++, person, from, from.plus(Duration.ofHours(1)), "anthropic", model,
                    purpose, sessionId, tokens, hour == 0));
        }
        return uses;
    }

    /** The honest size of a use: what the person's work needed, before any inflation. */
    private Tokens honest(Tokens tokens, Instant at) {
        if (person.behaviour() == Behaviour.PROMPT_INFLATION && !at.isBefore(inflationFrom)) {
            return new Tokens(tokens.input() / TokenProfiles.INFLATION, tokens.output(),
                    tokens.cacheRead() / TokenProfiles.INFLATION, tokens.cacheWrite5m() / TokenProfiles.INFLATION,
                    0, 0);
        }
        return tokens;
    }

    private String claudeModel() {
        double opus = Math.min(0.6, 0.1 + 0.1 * person.weight());
        double draw = random.nextDouble();
        return draw < opus ? Prices.OPUS : draw < opus + 0.15 ? Prices.HAIKU : Prices.SONNET;
    }

    /** Calls of the gateway and the internal tools, at random times of the working day. */
    private List<Use> calls(LocalDate day, long target) {
        List<Use> uses = new ArrayList<>();
        long spent = 0;
        String sessionId = Roster.uuid(spec.seed(), "session", idPrefix + sequence++).toString();
        while (spent < target && uses.size() < MAX_USES_PER_DAY) {
            Instant end = day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofSeconds(
                    Draw.between(random, (FIRST_HOUR + 1) * 3600L, (LAST_REPORT_HOUR + 1) * 3600L - 1)));
            Use use = call(end.minus(Duration.ofSeconds(Draw.between(random, 4, 90))), end, sessionId);
            spent += Prices.cost(use);
            uses.add(use);
        }
        return uses;
    }

    private Use call(Instant start, Instant end, String sessionId) {
        String id = idPrefix + sequence++;
        start = start.truncatedTo(ChronoUnit.MILLIS);
        return switch (person.client()) {
            case GATEWAY -> {
                String model = Draw.pick(random, List.of(Prices.GPT, Prices.GPT, Prices.GPT_MINI, Prices.O4_MINI));
                yield new Use(id, person, start, end, "openai", model, Draw.pick(random, List.of("analysis", "etl",
                        "code-review")), sessionId, TokenProfiles.gatewayCall(random, model), false);
            }
            case SUPPORT_ASSISTANT -> new Use(id, person, start, end, "anthropic", Draw.chance(random, 0.4)
                    ? Prices.SONNET : Prices.HAIKU, "support-triage", sessionId,
                    TokenProfiles.supportConversation(random), false);
            case NOTEBOOK -> new Use(id, person, start, end, "google", Draw.chance(random, 0.5) ? Prices.GEMINI_PRO
                    : Prices.GEMINI_FLASH, "analysis", sessionId, TokenProfiles.notebookRun(random), false);
            case CLAUDE_CODE -> throw new IllegalStateException("Claude Code reports sessions, not calls");
        };
    }
}
