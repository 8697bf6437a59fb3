package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.directory.DirectoryLinks;
import dev.aispend.ingest.directory.DirectoryRow;
import dev.aispend.ingest.directory.Reidentifier;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a person ref is, answered once the act was recorded: the person key, every alias the directory holds for
 * them (each kind and value once), and the rows themselves (teams, dates, refs), oldest first. The
 * {@code reidentificationId} finds the act in the ledger ({@code PersonReidentified}).
 */
@Serdeable
record ReidentificationAnswer(String reidentificationId, String personRef, Instant recordedAt, String person,
                              List<Alias> aliases, List<EntryView> entries) {

    static ReidentificationAnswer of(Reidentifier.Reidentified reidentified, DirectoryLinks links) {
        Set<Alias> aliases = new LinkedHashSet<>();
        reidentified.rows().forEach(recorded -> aliases.add(new Alias(recorded.row().kind().wireName(),
                recorded.row().value())));
        DirectoryRow first = reidentified.rows().get(0).row();
        return new ReidentificationAnswer(reidentified.act().reidentificationId(), reidentified.act().personRef(),
                reidentified.act().requestedAt(), first.personId(), List.copyOf(aliases),
                reidentified.rows().stream().map(recorded -> EntryView.of(recorded, links)).toList());
    }

    /** An alias of the person: its kind ({@code person}, {@code email}, {@code githubLogin}, ...) and value. */
    @Serdeable
    record Alias(String kind, String value) {
    }
}
