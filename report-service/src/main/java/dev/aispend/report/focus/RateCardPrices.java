package dev.aispend.report.focus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aispend.platform.pricing.InvalidRateCardException;
import dev.aispend.platform.pricing.RateCard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The recorded rate card versions one export needs, read from {@code policy_version} as of the export's position
 * and parsed by the platform's rules ({@link RateCard#parse}), each at most once per export.
 */
final class RateCardPrices {
    private static final String SELECT_CARD = "SELECT content::text FROM policy_version"
            + " WHERE kind = 'RATE_CARD' AND policy_id = ? AND version = ? AND position <= ?";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() {
    };

    private final Connection connection;
    private final long asOfPosition;
    private final Map<CardVersion, Optional<RateCard>> cards = new HashMap<>();

    private record CardVersion(String rateCardId, long version) {
    }

    RateCardPrices(Connection connection, long asOfPosition) {
        this.connection = connection;
        this.asOfPosition = asOfPosition;
    }

    /** The prices behind {@code group}'s cost. */
    GroupPrice of(SpendGroup group) throws SQLException {
        if (!group.priced()) {
            return GroupPrice.unpriced();
        }
        CardVersion key = new CardVersion(group.rateCardId(), group.rateCardVersion());
        Optional<RateCard> card = cards.get(key);
        if (card == null) {
            card = read(key);
            cards.put(key, card);
        }
        if (card.isEmpty()) {
            return GroupPrice.notFound(null);
        }
        String provider = card.get().provider();
        return card.get().priceOf(group.model()).map(price -> GroupPrice.priced(price, provider))
                .orElseGet(() -> GroupPrice.notFound(provider));
    }

    private Optional<RateCard> read(CardVersion key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT_CARD)) {
            query.setString(1, key.rateCardId());
            query.setLong(2, key.version());
            query.setLong(3, asOfPosition);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? parse(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** Empty when the recorded content is not a rate card by today's rules: the export then does not split. */
    private static Optional<RateCard> parse(String content) {
        try {
            return Optional.of(RateCard.parse(JSON.readValue(content, CONTENT)));
        } catch (JsonProcessingException | InvalidRateCardException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
