package dev.aispend.policy.ratecard;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default rate cards shipped with the service (docs/rate-cards.md): a seed file naming its sources and date,
 * turned into one change request per card. Everything in the requests comes from the file, ids and instants
 * included, so two instances seeding at once send identical requests and the ledger records each once.
 */
public record RateCardSeed(String asOf, Instant effectiveFrom, List<Card> cards) {
    public static final String ACTOR = "system";

    /** One card of the seed: its policy id and its rate card content. */
    public record Card(String id, Map<String, Object> content) {
        public Card {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(content, "content");
        }
    }

    @SuppressWarnings("unchecked")
    public static RateCardSeed read(InputStream json, JsonMapper mapper) throws IOException {
        Map<String, Object> file = mapper.readValue(json, Argument.mapOf(String.class, Object.class));
        List<Card> cards = new ArrayList<>();
        for (Object card : (List<Object>) file.get("cards")) {
            Map<String, Object> fields = (Map<String, Object>) card;
            cards.add(new Card((String) fields.get("id"), (Map<String, Object>) fields.get("content")));
        }
        return new RateCardSeed((String) file.get("asOf"), Instant.parse((String) file.get("effectiveFrom")),
                cards);
    }

    /** Requests that create each card as version 1; a card that exists already is refused by the ledger. */
    public List<PolicyChangeRequest> requests() {
        Instant requestedAt = LocalDate.parse(asOf).atStartOfDay(ZoneOffset.UTC).toInstant();
        return cards.stream().map(card -> new PolicyChangeRequest("seed:" + card.id() + ":" + asOf, card.id(),
                PolicyKind.RATE_CARD, 0, ACTOR, card.content(), effectiveFrom, requestedAt)).toList();
    }
}
