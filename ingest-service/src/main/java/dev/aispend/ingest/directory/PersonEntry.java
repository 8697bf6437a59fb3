package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.AliasKind;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One directory entry as a client gives it (JSON or a CSV row): from {@code validFrom} on, the person (the stable
 * person key) and each of their aliases belong to {@code team} and {@code costCenter}. A null {@code validFrom}
 * means "from now, unless the directory already says exactly this" (see {@link DirectoryService}). Personal data:
 * it stays in ingest's database and never reaches Kafka or logs.
 *
 * @param aliases per kind (never {@link AliasKind#PERSON}: the person key is {@code person}), in the client's
 *                order, so a rule broken by the i-th value names {@code aliases.<kind>[i]}
 */
public record PersonEntry(
        @Nullable String person,
        @Nullable String team,
        @Nullable String costCenter,
        @Nullable Instant validFrom,
        Map<AliasKind, List<String>> aliases) {

    public PersonEntry {
        EnumMap<AliasKind, List<String>> copy = new EnumMap<>(AliasKind.class);
        aliases.forEach((kind, values) -> {
            if (kind == AliasKind.PERSON) {
                throw new IllegalArgumentException("the person key is an entry's person, not one of its aliases");
            }
            if (!values.isEmpty()) {
                copy.put(kind, List.copyOf(values));
            }
        });
        aliases = Collections.unmodifiableMap(copy);
    }

    /** How many aliases the entry lists, all kinds together (the person key not counted). */
    public int aliasCount() {
        return aliases.values().stream().mapToInt(List::size).sum();
    }

    /** Where a rule about the {@code index}-th alias of {@code kind} is reported, in our field names. */
    public static String aliasField(AliasKind kind, int index) {
        return "aliases." + kind.wireName() + "[" + index + "]";
    }
}
