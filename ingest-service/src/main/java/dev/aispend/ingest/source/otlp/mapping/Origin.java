package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.EmailAddresses;
import dev.aispend.ingest.acceptance.SubmissionRules;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who and what an OTLP item is about, read from its attributes (point over resource): the source
 * {@code otlp:<service.name>}, the person's aliases, team ({@code team.id}), cost center ({@code cost_center}),
 * purpose, session, and a few attributes kept for reports. Identity: {@code user.email} is an email alias;
 * {@code user.account_uuid} a provider account id, else {@code user.id} (Claude Code's anonymous installation
 * id), so that an installation without an account is still one stable alias the directory can link later.
 *
 * @param attributes bounded: a fixed list of keys, values cut to the rules' length; a value holding an email
 *                   address is left out (no email enters the ledger)
 */
public record Origin(String source, SubjectAliases subject, @Nullable String team, @Nullable String costCenter,
                     @Nullable String purpose, @Nullable String sessionId, Map<String, String> attributes) {
    public static final String CHANNEL = "otlp";
    /** Kept beside the usage for reports; none names a person. */
    private static final List<String> KEPT = List.of("organization.id", "service.version", "terminal.type");

    public static Origin of(Attributes attributes, String... extraKept) {
        SubjectAliases subject = new SubjectAliases(null, attributes.text("user.email"), null,
                attributes.firstText("user.account_uuid", "user.id"), null);
        Map<String, String> kept = new LinkedHashMap<>();
        for (List<String> keys : List.of(KEPT, List.of(extraKept))) {
            for (String key : keys) {
                String value = attributes.text(key);
                if (value != null && !EmailAddresses.in(value)) {
                    kept.put(key, cut(value, SubmissionRules.MAX_ATTRIBUTE_VALUE_LENGTH));
                }
            }
        }
        return new Origin(source(attributes.text("service.name")), subject, attributes.text("team.id"),
                attributes.text("cost_center"), attributes.text("purpose"),
                attributes.firstText("session.id", "gen_ai.conversation.id"), kept);
    }

    /**
     * {@code otlp:<service.name>} lower-cased, characters outside letters, digits and {@code . _ -} made
     * {@code -} (an SDK's default {@code unknown_service:java} becomes {@code otlp:unknown_service-java});
     * {@code otlp} alone when the client names no service.
     */
    static String source(@Nullable String serviceName) {
        if (serviceName == null) {
            return CHANNEL;
        }
        String client = serviceName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-")
                .replaceFirst("^[^a-z0-9]+", "");
        int room = SubmissionRules.MAX_NAME_LENGTH - CHANNEL.length() - 1;
        client = cut(client, room);
        return client.isEmpty() ? CHANNEL : CHANNEL + ":" + client;
    }

    private static String cut(String value, int maxLength) {
        return value.length() <= maxLength ? value : value.substring(0, maxLength);
    }
}
