package dev.aispend.ingest.directory.cache;

import dev.aispend.ingest.directory.DirectoryStore.SealedAlias;
import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.DirectoryEntry;

import java.util.Collection;
import java.util.Map;

/** What the cache asks the directory's database: one statement per call. */
interface DirectoryDatabase {

    /** Each alias's whole history; every alias asked for is in the answer ({@link AliasHistory#NONE} if unknown). */
    Map<SealedAlias, AliasHistory> histories(Collection<SealedAlias> aliases);

    /** The entry in force at each lookup's own time, answered by the SQL itself: the look-up without a cache. */
    Map<Directory.Lookup, DirectoryEntry> inForceAt(Collection<Directory.Lookup> lookups);
}
