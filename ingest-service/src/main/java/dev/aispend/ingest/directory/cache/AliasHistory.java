package dev.aispend.ingest.directory.cache;

import dev.aispend.ingest.identity.DirectoryEntry;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Every row the directory holds of one alias, oldest first, and the rule its SQL applies: at an instant, the entry
 * in force is the one with the greatest valid-from at or before it, compared in whole microseconds with the instant
 * rounded as PostgreSQL rounds it ({@link PostgresTimestamps}). An alias the directory does not know has an empty
 * history, which is an answer too (the common case: unknown aliases are cached like known ones). Kept as two sorted
 * arrays rather than a tree map: a cache of a hundred thousand aliases holds this per alias.
 */
public final class AliasHistory {
    /** The history of an alias without rows: one instance, however many unknown aliases the cache keeps. */
    public static final AliasHistory NONE = new AliasHistory(new long[0], new DirectoryEntry[0]);

    private final long[] validFromMicros;
    private final DirectoryEntry[] entries;

    private AliasHistory(long[] validFromMicros, DirectoryEntry[] entries) {
        this.validFromMicros = validFromMicros;
        this.entries = entries;
    }

    /** @param rows valid-from (as read from the table: whole microseconds) to the entry from then on */
    public static AliasHistory of(NavigableMap<Instant, DirectoryEntry> rows) {
        if (rows.isEmpty()) {
            return NONE;
        }
        long[] validFromMicros = new long[rows.size()];
        DirectoryEntry[] entries = new DirectoryEntry[rows.size()];
        int index = 0;
        for (Map.Entry<Instant, DirectoryEntry> row : rows.entrySet()) {
            validFromMicros[index] = PostgresTimestamps.epochMicrosOfStored(row.getKey());
            entries[index] = row.getValue();
            index++;
        }
        return new AliasHistory(validFromMicros, entries);
    }

    /** The entry in force at {@code at}, or null when none is (the alias unknown, or not yet valid then). */
    public @Nullable DirectoryEntry inForceAt(Instant at) {
        if (entries.length == 0) {
            return null;
        }
        long atMicros = PostgresTimestamps.epochMicros(at);
        int found = Arrays.binarySearch(validFromMicros, atMicros);
        // Not found: -(insertion point) - 1, and the entry before the insertion point is the latest one before at.
        int inForce = found >= 0 ? found : -found - 2;
        return inForce >= 0 ? entries[inForce] : null;
    }

    public boolean isEmpty() {
        return entries.length == 0;
    }
}
