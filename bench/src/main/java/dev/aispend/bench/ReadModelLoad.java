package dev.aispend.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes synthetic spend and merged-PR entries straight into the serving generation's read-model tables, exactly
 * as report-service's projection would have written them had it followed a ledger that long: one spend_line
 * (SPEND, origin_position = position) and one attribution_origin row per spend entry, one outcome_line (OUTCOME)
 * and attribution_origin row per outcome, spend_daily, spend_monthly, the per-person and per-person-and-model
 * sums and outcome_daily as the lines summed by the projection's own statements (DailySums, copied below), a
 * ledger_clock row per entry, and last the checkpoint
 * {@code ledger_checkpoint(projection='reports')} and every read_model_position moved to the last position. All in
 * one transaction that first locks the checkpoint row (every write of the projection locks it first, so the
 * follower waits and then skips the ledger's own entries up to the new checkpoint). Positions start right after
 * the checkpoint.
 *
 * <p>Every drawn value is a function of the ledger position and the seed (PostgreSQL's
 * {@code hashint8extended}), so a load is the same whatever the plan or the chunking: entries spread evenly over
 * {@code days} from {@code firstDay} in position order, people drawn with a power law (the most active tenth of
 * the people make about 46 % of the entries), each person in one team and cost center with a main model and a main
 * source, tokens per call log-normal, cache tokens on Anthropic models, reasoning tokens on OpenAI's, a cost the
 * gateway (litellm) reported within 1 % of ours. One OUTCOME entry (a merged PR) after every {@code outcomeEvery}
 * spend entries.
 */
final class ReadModelLoad {
    private static final long CHUNK = 1_000_000;
    private static final String[] SOURCES = {"otel", "litellm", "api"};

    /** The projection's DailySums statements (report-service projection/DailySums.java), copied verbatim. */
    static final List<String> SPEND_MEASURES = List.of("records", "input_tokens", "output_tokens",
            "cache_read_tokens", "cache_write5m_tokens", "cache_write1h_tokens", "reasoning_tokens",
            "cost_usd_micros", "unpriced_records", "reported_records", "reported_cost_usd_micros",
            "reported_our_cost_usd_micros");
    static final List<String> EVIDENCE_MEASURES = List.of("records", "cost_usd_micros", "reported_cost_usd_micros");
    static final String SPEND_KEY = "day, team, cost_center, person_ref, model, provider, purpose, source";
    static final String OUTCOME_KEY = "day, team, cost_center, person_ref, kind, source, ai_assistance";
    static final String PERSON_ATTRIBUTES = "team, cost_center, person_ref";
    static final String MODEL_ATTRIBUTES = "team, cost_center, person_ref, model, provider";
    static final String SPEND_DAILY = spendSums("spend_daily", "day", "day");
    /** The same sums per calendar month (DailySums' SPEND_MONTHLY): spend_monthly, which whole-month reports read. */
    static final String SPEND_MONTHLY = spendSums("spend_monthly", "month", "date_trunc('month', day)::date");
    /** The per-person sums (DailySums' spend_person_daily, spend_person_monthly). */
    static final String SPEND_PERSON_DAILY = spendSums("spend_person_daily", "day", "day", PERSON_ATTRIBUTES);
    static final String SPEND_PERSON_MONTHLY = spendSums("spend_person_monthly", "month",
            "date_trunc('month', day)::date", PERSON_ATTRIBUTES);
    /** The per-person-and-model sums (DailySums' spend_model_daily, spend_model_monthly). */
    static final String SPEND_MODEL_DAILY = spendSums("spend_model_daily", "day", "day", MODEL_ATTRIBUTES);
    static final String SPEND_MODEL_MONTHLY = spendSums("spend_model_monthly", "month",
            "date_trunc('month', day)::date", MODEL_ATTRIBUTES);
    /** The tables a load writes, vacuumed and counted after it. */
    private static final List<String> TABLES = List.of("spend_line", "spend_daily", "spend_monthly",
            "spend_person_daily", "spend_person_monthly", "spend_model_daily", "spend_model_monthly", "outcome_line",
            "outcome_daily", "attribution_origin", "ledger_clock");
    static final String OUTCOME_DAILY = "INSERT INTO outcome_daily AS d (" + OUTCOME_KEY
            + ", outcomes, additions, deletions, evidence_outcomes) SELECT " + OUTCOME_KEY + ", "
            + filtered("outcomes", "<>") + ", " + filtered("additions", "<>") + ", " + filtered("deletions", "<>")
            + ", " + filtered("outcomes", "=")
            + " FROM outcome_line WHERE position BETWEEN ? AND ? GROUP BY " + OUTCOME_KEY
            + " ON CONFLICT ON CONSTRAINT outcome_daily_key DO UPDATE SET "
            + addAll(List.of("outcomes", "additions", "deletions", "evidence_outcomes"));

    /** What one load did: positions, counts, and seconds per step (in order). */
    record Result(String schema, long firstPosition, long lastPosition, long spendEntries, long outcomeEntries,
                  Map<String, Double> stepSeconds, double totalSeconds, Map<String, Long> tableRows) {
    }

    private final ReportQueryOptions options;

    ReadModelLoad(ReportQueryOptions options) {
        this.options = options;
    }

    Result load(Connection connection, int generation) throws SQLException {
        String schema = "report_g" + generation;
        long started = System.nanoTime();
        Map<String, Double> steps = new LinkedHashMap<>();
        connection.setAutoCommit(false);
        long base;
        long last;
        long outcomes;
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL search_path TO " + schema);
            statement.execute("SET LOCAL work_mem = '256MB'");
            base = lockCheckpoint(connection);
            int every = options.outcomeEvery();
            long total = options.entries() + options.entries() / every;
            last = base + total;
            outcomes = total / (every + 1);
            System.out.printf("loading %,d spend and %,d outcome entries into %s at positions %,d..%,d (seed %d)%n",
                    total - outcomes, outcomes, schema, base + 1, last, options.seed());
            long step = System.nanoTime();
            createDimensions(statement);
            for (long from = base + 1; from <= last; from += CHUNK) {
                long to = Math.min(last, from + CHUNK - 1);
                statement.executeUpdate(spendLines(base, total, from, to));
                statement.executeUpdate(outcomeLines(base, total, from, to));
                System.out.printf("  lines up to %,d (%.0f s)%n", to, (System.nanoTime() - started) / 1e9);
            }
            steps.put("spend_line + outcome_line", seconds(step));
            step = System.nanoTime();
            update(connection, """
                    INSERT INTO attribution_origin (origin_position, stream, alias_ref, occurred_at, person_ref, team,
                        cost_center)
                    SELECT position, 'SPEND', person_ref, occurred_at, person_ref, team, cost_center
                    FROM spend_line WHERE position BETWEEN ? AND ? AND line_kind = 'SPEND'
                    UNION ALL
                    SELECT position, 'OUTCOME', person_ref, occurred_at, person_ref, team, cost_center
                    FROM outcome_line WHERE position BETWEEN ? AND ? AND line_kind = 'OUTCOME'""",
                    base + 1, last, base + 1, last);
            steps.put("attribution_origin", seconds(step));
            step = System.nanoTime();
            update(connection, SPEND_DAILY, base + 1, last);
            update(connection, OUTCOME_DAILY, base + 1, last);
            steps.put("spend_daily + outcome_daily (DailySums)", seconds(step));
            step = System.nanoTime();
            update(connection, SPEND_MONTHLY, base + 1, last);
            steps.put("spend_monthly (DailySums)", seconds(step));
            step = System.nanoTime();
            update(connection, SPEND_PERSON_DAILY, base + 1, last);
            update(connection, SPEND_PERSON_MONTHLY, base + 1, last);
            steps.put("spend_person_daily + spend_person_monthly (DailySums)", seconds(step));
            step = System.nanoTime();
            update(connection, SPEND_MODEL_DAILY, base + 1, last);
            update(connection, SPEND_MODEL_MONTHLY, base + 1, last);
            steps.put("spend_model_daily + spend_model_monthly (DailySums)", seconds(step));
            step = System.nanoTime();
            ledgerClock(connection, base, last);
            steps.put("ledger_clock", seconds(step));
            if (update(connection, "UPDATE ledger_checkpoint SET applied_position = ?, applied_entry_hash = NULL, "
                    + "applied_at = now() WHERE projection = 'reports' AND applied_position = ?", last, base) != 1) {
                throw new IllegalStateException("the reports checkpoint moved away from " + base + " meanwhile");
            }
            update(connection, "UPDATE read_model_position SET applied_position = ?", last);
            step = System.nanoTime();
            connection.commit();
            steps.put("commit", seconds(step));
        } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(true);
        }
        double loadSeconds = seconds(started);
        // The steady state autovacuum reaches on its own (statistics, visibility map), made now so the plans and
        // index-only scans measured are the ones a system that long would have.
        long vacuum = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("VACUUM ANALYZE " + schema + "." + table);
            }
        }
        steps.put("VACUUM ANALYZE (after the commit)", seconds(vacuum));
        return new Result(schema, base + 1, last, last - base - outcomes, outcomes, steps, loadSeconds,
                rows(connection, schema));
    }

    /** The checkpoint, locked until the commit; it must exist (the service applied the ledger's first entries). */
    private static long lockCheckpoint(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT applied_position FROM ledger_checkpoint WHERE projection = 'reports' FOR UPDATE");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("the serving generation has no 'reports' checkpoint yet: wait until "
                        + "report-service applied the ledger's first entries (the default rate cards)");
            }
            return row.getLong(1);
        }
    }

    /** The people (team, cost center, main model and source) and the models with their prices per million. */
    private void createDimensions(Statement statement) throws SQLException {
        String teams = ReportQueryOptions.TEAM_NAMES.subList(0, options.teams()).stream()
                .map(team -> "'" + team + "'").collect(Collectors.joining(", "));
        statement.execute("CREATE TEMP TABLE bench_person ON COMMIT DROP AS SELECT idx, 'prs_' || substr(md5("
                + "'bench-person-" + options.seed() + "-' || idx), 1, 24) AS person_ref, (ARRAY[" + teams
                + "])[1 + t] AS team, 'cc-' || (100 * (1 + t % 3)) AS cost_center, CASE WHEN m < 0.5 THEN 0 "
                + "WHEN m < 0.65 THEN 1 WHEN m < 0.75 THEN 2 WHEN m < 0.9 THEN 3 ELSE 4 END AS primary_model, "
                + "CASE WHEN s < 0.5 THEN 0 WHEN s < 0.8 THEN 1 ELSE 2 END AS primary_source FROM (SELECT idx, "
                + "(hashint8extended(idx, " + salt(101) + ") & 1023) % " + options.teams() + " AS t, "
                + uniform("idx", 102) + " AS m, " + uniform("idx", 103) + " AS s FROM generate_series(0, "
                + (options.people() - 1) + ") AS idx) p");
        statement.execute("CREATE UNIQUE INDEX ON bench_person (idx)");
        statement.execute("""
                CREATE TEMP TABLE bench_model ON COMMIT DROP AS SELECT * FROM (VALUES
                  (0, 'claude-sonnet-4-5', 'anthropic', 'default-anthropic', 3000000, 15000000, 300000, 3750000, 6000000),
                  (1, 'claude-opus-4-1', 'anthropic', 'default-anthropic', 15000000, 75000000, 1500000, 18750000, 30000000),
                  (2, 'claude-haiku-4-5', 'anthropic', 'default-anthropic', 1000000, 5000000, 100000, 1250000, 2000000),
                  (3, 'gpt-5', 'openai', 'default-openai', 1250000, 10000000, 125000, 0, 0),
                  (4, 'gemini-2.5-pro', 'google', 'default-google', 1250000, 10000000, 310000, 0, 0))
                  AS m (idx, model, provider, rate_card_id, p_in, p_out, p_cr, p_cw5, p_cw1h)""");
        statement.execute("ANALYZE bench_person");
        statement.execute("ANALYZE bench_model");
    }

    /** The SPEND lines of positions from..to that are spend entries. */
    private String spendLines(long base, long total, long from, long to) {
        int every = options.outcomeEvery();
        String g = "SELECT i, " + occurredAt(base, total) + " AS occurred_at, "
                + "least(" + (options.people() - 1) + ", floor(" + options.people() + " * power(" + uniform("i", 2)
                + ", 3))::int) AS person, "
                + "CASE WHEN " + uniform("i", 3) + " < 0.6 THEN 0 WHEN " + uniform("i", 3) + " < 0.85 THEN 1 WHEN "
                + uniform("i", 3) + " < 0.95 THEN 2 WHEN " + uniform("i", 3) + " < 0.98 THEN 3 ELSE 4 END "
                + "AS model_offset, "
                + "least(2000000, round(" + logNormal(2500, 1.1, 12) + "))::bigint AS input, "
                + "least(200000, round(" + logNormal(350, 1.0, 14) + "))::bigint AS output, "
                + uniform("i", 5) + " AS u5, " + uniform("i", 6) + " AS u6, " + uniform("i", 7) + " AS u7, "
                + uniform("i", 8) + " AS u8, " + uniform("i", 9) + " AS u9, " + uniform("i", 10) + " AS u10, "
                + uniform("i", 11) + " AS u11 "
                + "FROM generate_series(" + from + "::bigint, " + to + "::bigint) AS i WHERE (i - " + base + ") % "
                + (every + 1) + " <> 0";
        String t = "SELECT g.i, g.occurred_at, p.team, p.cost_center, p.person_ref, m.model, m.provider, "
                + "m.rate_card_id, m.p_in, m.p_out, m.p_cr, m.p_cw5, m.p_cw1h, "
                + "CASE WHEN u5 < 0.6 THEN 'coding' WHEN u5 < 0.8 THEN 'review' WHEN u5 < 0.9 THEN 'chat' END "
                + "AS purpose, (ARRAY['" + String.join("', '", SOURCES) + "'])[1 + CASE WHEN u6 < 0.85 THEN "
                + "p.primary_source ELSE (p.primary_source + 1 + (u7 < 0.5)::int) % 3 END] AS source, "
                + "input, output, "
                + "(CASE WHEN m.provider = 'anthropic' THEN round(input * 4 * u8) WHEN u8 < 0.5 "
                + "THEN round(input * 1.5 * u9) ELSE 0 END)::bigint AS cache_read, "
                + "(CASE WHEN m.provider = 'anthropic' AND u9 < 0.3 THEN round(input * 0.5 * u10) ELSE 0 END)::bigint "
                + "AS cw5, (CASE WHEN m.provider = 'anthropic' AND u9 > 0.97 THEN round(input * 0.3) ELSE 0 END)::bigint "
                + "AS cw1h, (CASE WHEN m.provider = 'openai' THEN round(output * 2 * u11) ELSE 0 END)::bigint "
                + "AS reasoning, u10 "
                + "FROM (" + g + ") g JOIN bench_person p ON p.idx = g.person "
                + "JOIN bench_model m ON m.idx = (p.primary_model + g.model_offset) % 5";
        String c = "SELECT t.*, (input * p_in + output * p_out + cache_read * p_cr + cw5 * p_cw5 + cw1h * p_cw1h "
                + "+ reasoning * p_out + 500000) / 1000000 AS cost FROM (" + t + ") t";
        return """
                INSERT INTO spend_line (position, origin_position, line_kind, occurred_at, day, team, cost_center,
                    person_ref, model, provider, purpose, source, record_id, rate_card_id, rate_card_version, records,
                    input_tokens, output_tokens, cache_read_tokens, cache_write5m_tokens, cache_write1h_tokens,
                    reasoning_tokens, cost_usd_micros, unpriced_records, reported_records, reported_cost_usd_micros,
                    reported_our_cost_usd_micros)
                SELECT i, i, 'SPEND', occurred_at, (occurred_at AT TIME ZONE 'UTC')::date, team, cost_center,
                    person_ref, model, provider, purpose, source, 'bench-' || i, rate_card_id, 1, 1, input, output,
                    cache_read, cw5, cw1h, reasoning, cost, 0,
                    CASE WHEN source = 'litellm' THEN 1 ELSE 0 END,
                    CASE WHEN source = 'litellm' THEN cost + round(cost * 0.02 * (u10 - 0.5))::bigint ELSE 0 END,
                    CASE WHEN source = 'litellm' THEN cost ELSE 0 END
                FROM (""" + c + ") c";
    }

    /** The OUTCOME lines (merged pull requests) of positions from..to that are outcome entries. */
    private String outcomeLines(long base, long total, long from, long to) {
        int every = options.outcomeEvery();
        String g = "SELECT i, " + occurredAt(base, total) + " AS occurred_at, "
                + "least(" + (options.people() - 1) + ", floor(" + options.people() + " * power(" + uniform("i", 21)
                + ", 2))::int) AS person, " + uniform("i", 20) + " AS assisted, "
                + "round(" + logNormal(80, 1.2, 22) + ")::bigint AS additions, "
                + "round(" + logNormal(30, 1.2, 24) + ")::bigint AS deletions "
                + "FROM generate_series(" + from + "::bigint, " + to + "::bigint) AS i WHERE (i - " + base + ") % "
                + (every + 1) + " = 0";
        return """
                INSERT INTO outcome_line (position, origin_position, line_kind, occurred_at, day, team, cost_center,
                    person_ref, kind, source, ai_assistance, outcomes, additions, deletions)
                SELECT i, i, 'OUTCOME', occurred_at, (occurred_at AT TIME ZONE 'UTC')::date, p.team, p.cost_center,
                    p.person_ref, 'pull_request_merged', 'github',
                    CASE WHEN assisted < 0.7 THEN 'ASSISTED' ELSE 'NONE' END, 1, additions, deletions
                FROM (""" + g + ") g JOIN bench_person p ON p.idx = g.person";
    }

    /**
     * A ledger_clock row per entry: the entries were recorded after everything the ledger held (a backfill of the
     * months of use), one a millisecond, so the running maximum of recordedAt grows at every entry.
     */
    private static void ledgerClock(Connection connection, long base, long last) throws SQLException {
        update(connection, "INSERT INTO ledger_clock (first_position, recorded_max) SELECT i, "
                + "(SELECT COALESCE(max(recorded_max), now()) FROM ledger_clock) + (i - ?) * interval '1 millisecond' "
                + "FROM generate_series(?::bigint, ?::bigint) AS i", base, base + 1, last);
    }

    /** Entries in position order spread evenly over the days, with up to a minute of jitter, to the millisecond. */
    private String occurredAt(long base, long total) {
        long spanSeconds = options.days() * 86_400L - 60;
        return "date_trunc('milliseconds', timestamptz '" + options.firstDay() + "T00:00:00Z' + make_interval(secs => "
                + "(i - " + base + " - 1)::float8 * " + spanSeconds + " / " + total + " + " + uniform("i", 1)
                + " * 60))";
    }

    /** exp(N(ln median, sigma)) by Box-Muller over two of the position's uniforms. */
    private String logNormal(double median, double sigma, int salt) {
        return "exp(ln(" + median + ") + " + sigma + " * sqrt(-2 * ln(1 - " + uniform("i", salt) + ")) * cos(2 * pi() * "
                + uniform("i", salt + 1) + "))";
    }

    /** A uniform in [0, 1) drawn from the value of {@code column} (the position) and the seed, salted. */
    private String uniform(String column, int salt) {
        return "((hashint8extended(" + column + "::bigint, " + salt(salt) + ") & 9007199254740991)::float8 "
                + "/ 9007199254740992.0)";
    }

    private long salt(int salt) {
        return options.seed() * 1_000 + salt;
    }

    private static Map<String, Long> rows(Connection connection, String schema) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet row = statement.executeQuery("SELECT count(*), pg_total_relation_size('" + schema
                        + "." + table + "') FROM " + schema + "." + table)) {
                    row.next();
                    rows.put(table, row.getLong(1));
                    rows.put(table + " bytes", row.getLong(2));
                }
            }
        }
        return rows;
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            return statement.executeUpdate();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** DailySums.spendSums: the upsert of the lines first..last into {@code table}, keyed by the period. */
    private static String spendSums(String table, String periodColumn, String periodOfLine) {
        return spendSums(table, periodColumn, periodOfLine, SPEND_KEY.substring("day, ".length()));
    }

    private static String spendSums(String table, String periodColumn, String periodOfLine, String attributes) {
        return "INSERT INTO " + table + " AS d (" + periodColumn + ", " + attributes + ", "
                + String.join(", ", SPEND_MEASURES) + ", "
                + EVIDENCE_MEASURES.stream().map(measure -> "evidence_" + measure).collect(Collectors.joining(", "))
                + ") SELECT " + periodOfLine + ", " + attributes + ", "
                + SPEND_MEASURES.stream().map(measure -> filtered(measure, "<>")).collect(Collectors.joining(", "))
                + ", " + EVIDENCE_MEASURES.stream().map(measure -> filtered(measure, "="))
                .collect(Collectors.joining(", "))
                + " FROM spend_line WHERE position BETWEEN ? AND ? GROUP BY " + periodOfLine + ", " + attributes
                + " ON CONFLICT ON CONSTRAINT " + table + "_key DO UPDATE SET "
                + addAll(SPEND_MEASURES) + ", "
                + addAll(EVIDENCE_MEASURES.stream().map(measure -> "evidence_" + measure).toList());
    }

    private static String filtered(String measure, String evidence) {
        return "COALESCE(SUM(" + measure + ") FILTER (WHERE line_kind " + evidence + " 'EVIDENCE'), 0)";
    }

    private static String addAll(List<String> columns) {
        return columns.stream().map(column -> column + " = d." + column + " + EXCLUDED." + column)
                .collect(Collectors.joining(", "));
    }
}
