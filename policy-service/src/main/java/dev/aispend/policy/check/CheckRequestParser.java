package dev.aispend.policy.check;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /v1/checks} into a {@link CheckRequest}, collecting every problem, each naming its
 * JSON field, so a client fixes them all in one round trip. Unknown fields are refused: a misspelt
 * {@code estimatedCostUsdMicro} must not turn into a check of nothing.
 */
final class CheckRequestParser {
    static final Set<String> FIELDS = Set.of("checkId", "team", "personRef", "costCenter", "purpose", "provider",
            "model", "estimatedCostUsdMicros", "estimatedTokens", "reservationTtlSeconds");
    static final Set<String> TOKEN_FIELDS = Set.of("inputTokens", "outputTokens", "cacheReadTokens",
            "cacheWrite5mTokens", "cacheWrite1hTokens", "reasoningTokens");
    /** The alphabets ingest accepts for the same fields, so any team or person it records can be checked. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]{1,128}");
    private static final String ID_TEXT = "1..128 letters, digits and . _ : -";
    private static final String NAME_TEXT = "1..64 letters, digits and . _ - (starting with a letter or digit)";

    private final CheckConfiguration limits;

    CheckRequestParser(CheckConfiguration limits) {
        this.limits = limits;
    }

    CheckRequest parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw CheckRefusedException.invalid(List.of(new FieldError("$", "must be a JSON object")));
        }
        refuseUnknown(body, "", FIELDS, "a check", errors);
        String checkId = text(body, "checkId", ID, ID_TEXT, errors);
        String team = text(body, "team", NAME, NAME_TEXT, errors);
        String personRef = text(body, "personRef", ID, ID_TEXT, errors);
        String costCenter = text(body, "costCenter", NAME, NAME_TEXT, errors);
        String purpose = text(body, "purpose", NAME, NAME_TEXT, errors);
        String provider = text(body, "provider", NAME, NAME_TEXT, errors);
        String model = text(body, "model", PRINTABLE, "1..128 characters, no control characters", errors);
        Long cost = count(body, "estimatedCostUsdMicros", "", limits.maxEstimatedCostUsdMicros(), errors);
        TokenCounts tokens = tokens(body, errors);
        Long ttlSeconds = count(body, "reservationTtlSeconds", "", limits.maxReservationTtl().toSeconds(), errors);
        if (ttlSeconds != null && ttlSeconds < 1) {
            errors.add(new FieldError("reservationTtlSeconds", "must be at least 1"));
        }
        if (absent(body, "team") && absent(body, "personRef")) {
            errors.add(new FieldError("team", "team or personRef is required"));
        }
        if (absent(body, "estimatedCostUsdMicros") == absent(body, "estimatedTokens")) {
            errors.add(absent(body, "estimatedTokens")
                    ? new FieldError("estimatedCostUsdMicros", "estimatedCostUsdMicros or estimatedTokens is required")
                    : new FieldError("estimatedTokens", "give estimatedCostUsdMicros or estimatedTokens, not both"));
        }
        if (!absent(body, "estimatedTokens") && absent(body, "model")) {
            errors.add(new FieldError("model", "is required with estimatedTokens: the rate card prices a model"));
        }
        if (!errors.isEmpty()) {
            throw CheckRefusedException.invalid(errors);
        }
        return new CheckRequest(checkId, team, personRef, costCenter, purpose, provider, model, cost, tokens,
                ttlSeconds);
    }

    private @Nullable TokenCounts tokens(JsonNode body, List<FieldError> errors) {
        JsonNode node = present(body, "estimatedTokens");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("estimatedTokens", "must be a JSON object of token counts"));
            return null;
        }
        refuseUnknown(node, "estimatedTokens.", TOKEN_FIELDS, "estimatedTokens", errors);
        long max = limits.maxEstimatedTokensPerType();
        int before = errors.size();
        long[] counts = new long[6];
        String[] names = {"inputTokens", "outputTokens", "cacheReadTokens", "cacheWrite5mTokens",
            "cacheWrite1hTokens", "reasoningTokens"};
        for (int index = 0; index < names.length; index++) {
            Long value = count(node, names[index], "estimatedTokens.", max, errors);
            counts[index] = value == null ? 0 : value;
        }
        return errors.size() > before ? null
                : new TokenCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    private static void refuseUnknown(JsonNode object, String prefix, Set<String> known, String what,
                                      List<FieldError> errors) {
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (!known.contains(entry.getKey())) {
                errors.add(new FieldError(prefix + entry.getKey(), "is not a field of " + what));
            }
        }
    }

    private static @Nullable String text(JsonNode object, String field, Pattern pattern, String alphabet,
                                         List<FieldError> errors) {
        JsonNode node = present(object, field);
        if (node == null) {
            return null;
        }
        if (!node.isString() || !pattern.matcher(node.getStringValue()).matches()) {
            errors.add(new FieldError(field, "must be a string of " + alphabet));
            return null;
        }
        return node.getStringValue();
    }

    /** A whole number within 0..max; 12.0 counts as whole (JSON does not tell them apart). */
    private static @Nullable Long count(JsonNode object, String field, String prefix, long max,
                                        List<FieldError> errors) {
        JsonNode node = present(object, field);
        if (node == null) {
            return null;
        }
        String path = prefix + field;
        BigInteger value = node.isNumber() ? wholeNumber(node.getNumberValue()) : null;
        if (value == null) {
            errors.add(new FieldError(path, "must be a whole number within 0.." + max));
            return null;
        }
        if (value.signum() < 0) {
            errors.add(new FieldError(path, "must not be negative"));
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            errors.add(new FieldError(path, "exceeds the limit of " + max));
            return null;
        }
        return value.longValueExact();
    }

    /** The number as an integer, or null when it has a fraction or is not finite; huge values stay cheap. */
    static @Nullable BigInteger wholeNumber(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return BigInteger.valueOf(number.longValue());
        }
        if (number instanceof BigInteger integer) {
            return integer;
        }
        if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
            return null;
        }
        BigDecimal decimal = number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
        if (decimal.precision() - decimal.scale() > 40) {
            // 1e2000000000 is cheap to hold and ruinous to expand: anything this large is out of range anyway.
            return BigInteger.TEN.pow(40).multiply(BigInteger.valueOf(decimal.signum()));
        }
        // Stripped first: toBigIntegerExact of 1e-2000000000 would compute 10^2000000000 to find the fraction.
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() > 0 ? null : stripped.toBigInteger();
    }

    private static boolean absent(JsonNode object, String field) {
        return present(object, field) == null;
    }

    private static @Nullable JsonNode present(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }
}
