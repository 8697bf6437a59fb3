package dev.aispend.ingest.source;

import dev.aispend.ingest.identity.Pseudonymizer;

import dev.aispend.ingest.identity.AliasKind;

/**
 * Keyed, pseudonymous stand-ins for personal values that must take part in a deterministic id or an attribute (a
 * provider report's user account id or actor email): ids and attributes leave ingest, and a plain hash of an
 * email is reversed by hashing a list of emails. In production this is the {@code Pseudonymizer}'s alias ref
 * (HMAC with PSEUDONYM_KEY), so the same value gives the same ref for as long as the key is kept.
 */
@FunctionalInterface
public interface IdentifyingRefs {

    String ref(AliasKind kind, String value);
}
