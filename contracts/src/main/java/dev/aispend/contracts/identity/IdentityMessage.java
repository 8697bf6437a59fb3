package dev.aispend.contracts.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * What ingest-service publishes on {@code identity.v1}: one record per message, named with its schema version in
 * the message's {@value #TYPE_HEADER} header ({@value #LINK_V1}, {@value #REIDENTIFICATION_V1}). The topic carried
 * only directory links before re-identifications were recorded, and messages are kept, so a message without the
 * header is an {@link IdentityLink} version 1. A reader meeting a type it does not know sets the message aside
 * (the ledger quarantines it); it never guesses.
 */
public sealed interface IdentityMessage permits IdentityLink, Reidentification {
    /** The Kafka header naming the record and its schema version. */
    String TYPE_HEADER = "aispend-message-type";
    String LINK_V1 = "IdentityLink/1";
    String REIDENTIFICATION_V1 = "Reidentification/1";

    /** The header value a message of this record is published with. */
    static String typeOf(IdentityMessage message) {
        if (message instanceof IdentityLink) {
            return LINK_V1;
        }
        if (message instanceof Reidentification) {
            return REIDENTIFICATION_V1;
        }
        throw new IllegalStateException("no message type for " + message.getClass());
    }

    /**
     * The record a message of this header value holds.
     *
     * @throws IllegalArgumentException for a type (or version) this build does not know
     */
    static Class<? extends IdentityMessage> recordType(@Nullable String typeHeader) {
        if (typeHeader == null || typeHeader.equals(LINK_V1)) {
            return IdentityLink.class;
        }
        if (typeHeader.equals(REIDENTIFICATION_V1)) {
            return Reidentification.class;
        }
        throw new IllegalArgumentException("identity.v1 message type " + typeHeader + " is not known to this build");
    }
}
