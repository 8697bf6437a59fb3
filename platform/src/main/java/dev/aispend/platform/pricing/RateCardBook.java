package dev.aispend.platform.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rate card versions recorded in the ledger so far, and the rule that picks the price of a usage.
 * Immutable: {@link #with} returns a new book, so a price computed from a book stays reproducible from it.
 *
 * <p>The rule, for a usage of {@code model} (from {@code provider}, if given) that occurred at {@code occurredAt}:
 * <ol>
 * <li>For each rate card id, the version <em>in force</em> at {@code occurredAt} is the one with the greatest
 * {@code effectiveFrom <= occurredAt}. Inclusive: a card effective at exactly the usage's instant applies. Ties on
 * {@code effectiveFrom} go to the higher version (the later correction of the same moment). A card whose versions
 * all take effect after the usage has no version in force and prices nothing.</li>
 * <li>A card is a candidate when its in-force version lists the model, as a model or as an alias of one (exact
 * name either way), and, if a provider is given, its provider equals it, ignoring case. An alias prices exactly
 * like the model it names on that version. Only the in-force version counts: if a newer version of a card drops a
 * model or an alias, that card stops pricing that name from that version's {@code effectiveFrom} on, even though
 * an older version listed it; another card may still price it, else the usage is unpriced. Dropping a name is how
 * a card says it no longer vouches for that price.</li>
 * <li>Among candidates, the one whose in-force version has the latest {@code effectiveFrom} wins (the most
 * recent statement of price); ties go to the later ledger position (the most recently recorded), and, to keep the
 * rule total, further ties to the smaller rate card id.</li>
 * </ol>
 * Only versions already added count. The ledger adds a version when it records it, and prices each usage with
 * the book as it stood at that usage's position, so a card recorded later, even back-dated, never changes the
 * price of spend already recorded; correcting that takes an explicit, recorded re-pricing.
 */
public final class RateCardBook {
    private static final RateCardBook EMPTY = new RateCardBook(Map.of());

    /** Which version of one card is in force: the latest effectiveFrom, then the higher version. */
    private static final Comparator<RateCardVersion> IN_FORCE_ORDER = Comparator
            .comparing(RateCardVersion::effectiveFrom)
            .thenComparingLong(RateCardVersion::version);

    /** Which candidate card prices a usage: greatest wins; the reversed id makes the smaller id the greater. */
    private static final Comparator<RateCardVersion> PREFERENCE_ORDER = Comparator
            .comparing(RateCardVersion::effectiveFrom)
            .thenComparingLong(RateCardVersion::ledgerPosition)
            .thenComparing(RateCardVersion::rateCardId, Comparator.reverseOrder());

    /** Per rate card id, its versions in the order they were added (increasing version and ledger position). */
    private final Map<String, List<RateCardVersion>> versionsByCard;

    private RateCardBook(Map<String, List<RateCardVersion>> versionsByCard) {
        this.versionsByCard = versionsByCard;
    }

    public static RateCardBook empty() {
        return EMPTY;
    }

    /**
     * This book plus {@code version}. The versions of one card must arrive as the ledger recorded them: each with
     * a higher version and a later ledger position than the card's last one; anything else means the caller
     * replays the ledger out of order or twice, and would price with the wrong card, so it is refused with
     * IllegalArgumentException.
     */
    public RateCardBook with(RateCardVersion version) {
        Objects.requireNonNull(version, "version");
        List<RateCardVersion> existing = versionsByCard.getOrDefault(version.rateCardId(), List.of());
        if (!existing.isEmpty()) {
            RateCardVersion last = existing.get(existing.size() - 1);
            if (version.version() <= last.version() || version.ledgerPosition() <= last.ledgerPosition()) {
                throw new IllegalArgumentException("rate card " + version.rateCardId() + " version "
                        + version.version() + " at ledger position " + version.ledgerPosition()
                        + " does not follow version " + last.version() + " at position " + last.ledgerPosition());
            }
        }
        List<RateCardVersion> versions = new ArrayList<>(existing);
        versions.add(version);
        Map<String, List<RateCardVersion>> copy = new HashMap<>(versionsByCard);
        copy.put(version.rateCardId(), List.copyOf(versions));
        return new RateCardBook(Map.copyOf(copy));
    }

    /**
     * The price of {@code model} (as the usage names it: a model or an alias) for a usage at {@code occurredAt}, by
     * the rule in the class comment. The answer names the card's model, which for an alias is the aliased one.
     */
    public Optional<Priced> lookup(String provider, String model, Instant occurredAt) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(occurredAt, "occurredAt");
        RateCardVersion chosen = null;
        String chosenModel = null;
        for (List<RateCardVersion> versions : versionsByCard.values()) {
            RateCardVersion inForce = inForce(versions, occurredAt);
            if (inForce == null || !sameProvider(provider, inForce.card().provider())) {
                continue;
            }
            String named = inForce.card().modelNamed(model).orElse(null);
            if (named != null && (chosen == null || PREFERENCE_ORDER.compare(inForce, chosen) > 0)) {
                chosen = inForce;
                chosenModel = named;
            }
        }
        return chosen == null ? Optional.empty()
                : Optional.of(new Priced(chosen, chosenModel, chosen.card().models().get(chosenModel)));
    }

    /** The versions of one card, in the order recorded; empty if the book has none. */
    public List<RateCardVersion> versionsOf(String rateCardId) {
        return versionsByCard.getOrDefault(rateCardId, List.of());
    }

    /** How many versions, of all cards, the book holds. */
    public int size() {
        return versionsByCard.values().stream().mapToInt(List::size).sum();
    }

    /** Linear in the card's versions: cards change a few times a year, so there are few. */
    private static RateCardVersion inForce(List<RateCardVersion> versions, Instant occurredAt) {
        RateCardVersion inForce = null;
        for (RateCardVersion version : versions) {
            boolean effective = !version.effectiveFrom().isAfter(occurredAt);
            if (effective && (inForce == null || IN_FORCE_ORDER.compare(version, inForce) > 0)) {
                inForce = version;
            }
        }
        return inForce;
    }

    private static boolean sameProvider(String wanted, String cardProvider) {
        return wanted == null || wanted.equalsIgnoreCase(cardProvider);
    }
}
