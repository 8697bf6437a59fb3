package dev.aispend.policy.activity;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one person did in one window, as the gamification rules need it: spend and tokens by type, calls, models,
 * merged pull requests (with AI assistance apart), calls by local date and hour (for off-hours rules), and the
 * ledger positions counted. Mutable; owned by one {@link ZoneActivity}.
 */
public final class PersonTally {
    private long costUsdMicros;
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheWriteTokens;
    private long reasoningTokens;
    private long calls;
    private long mergedPullRequests;
    private long mergedAiPullRequests;
    private long firstPosition = Long.MAX_VALUE;
    private long lastPosition;
    private long entries;
    private final Set<String> models = new HashSet<>();
    /** Calls by local hour: key = epoch day * 24 + hour of day, in the zone of the tally. */
    private final TreeMap<Long, Long> callsByLocalHour = new TreeMap<>();

    void spend(long position, long costUsdMicros, long input, long output, long cacheRead, long cacheWrite,
               long reasoning, String model, long localHourKey) {
        this.costUsdMicros = Math.addExact(this.costUsdMicros, costUsdMicros);
        inputTokens = Math.addExact(inputTokens, input);
        outputTokens = Math.addExact(outputTokens, output);
        cacheReadTokens = Math.addExact(cacheReadTokens, cacheRead);
        cacheWriteTokens = Math.addExact(cacheWriteTokens, cacheWrite);
        reasoningTokens = Math.addExact(reasoningTokens, reasoning);
        calls++;
        models.add(model);
        callsByLocalHour.merge(localHourKey, 1L, Long::sum);
        counted(position);
    }

    void repriced(long position, long costDeltaUsdMicros) {
        costUsdMicros = Math.max(0, Math.addExact(costUsdMicros, costDeltaUsdMicros));
        counted(position);
    }

    void merged(long position, long pullRequests, boolean aiAssisted) {
        mergedPullRequests = Math.addExact(mergedPullRequests, pullRequests);
        if (aiAssisted) {
            mergedAiPullRequests = Math.addExact(mergedAiPullRequests, pullRequests);
        }
        counted(position);
    }

    private void counted(long position) {
        firstPosition = Math.min(firstPosition, position);
        lastPosition = Math.max(lastPosition, position);
        entries++;
    }

    public long costUsdMicros() {
        return costUsdMicros;
    }

    /** Every token the person's calls sent: input, cache reads and cache writes (the prompt, however cached). */
    public long promptTokens() {
        return inputTokens + cacheReadTokens + cacheWriteTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cacheReadTokens() {
        return cacheReadTokens;
    }

    /** Every token of every type, reasoning included: what "tokens per merged PR" counts. */
    public long totalTokens() {
        return promptTokens() + outputTokens + reasoningTokens;
    }

    public long calls() {
        return calls;
    }

    public long mergedPullRequests() {
        return mergedPullRequests;
    }

    public long mergedAiPullRequests() {
        return mergedAiPullRequests;
    }

    public int distinctModels() {
        return models.size();
    }

    public Map<Long, Long> callsByLocalHour() {
        return java.util.Collections.unmodifiableMap(callsByLocalHour);
    }

    public long firstPosition() {
        return entries == 0 ? 0 : firstPosition;
    }

    public long lastPosition() {
        return lastPosition;
    }

    public long entries() {
        return entries;
    }
}
