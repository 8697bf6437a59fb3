-- The identity directory without personal data in plaintext (docs/security.md, "Privacy and re-identification").
-- An alias is found by its ref, the keyed HMAC (PSEUDONYM_KEY) the ledger already knows it by: als_... for an
-- email, a login or an id, prs_... for the person key itself; a person's rows by their person ref. The alias value
-- and the person key are kept only encrypted (AES-256-GCM under DIRECTORY_ENCRYPTION_KEY, each bound to its row's
-- ref), for re-identification and the admin's reads.
-- The upgrade needs both keys, which SQL does not have: this migration makes the new table, V6 (a Java migration
-- the service registers, DirectorySealingMigration) copies every row of directory_entry into it, sealed, and V7
-- drops the plaintext table (its files with it) and gives the new one its name. Flyway runs them in order at
-- start-up, each in its own transaction; a start that fails in V6 (no key) leaves V5 applied and V6 is run again
-- from the start by the next one.
CREATE TABLE directory_entry_sealed (
    alias_kind    TEXT        NOT NULL,
    alias_ref     TEXT        NOT NULL,
    -- SealedRows/DirectoryCipher format version 1: 0x01, key id (4 bytes), nonce (12), ciphertext, tag (16).
    alias_sealed  BYTEA       NOT NULL,
    valid_from    TIMESTAMPTZ NOT NULL,
    person_ref    TEXT        NOT NULL,
    person_sealed BYTEA       NOT NULL,
    team          TEXT        NOT NULL,
    cost_center   TEXT,
    -- The IdentityLink's id, derived from the entry's content: the same entry imported twice is one link.
    link_id       TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT directory_entry_sealed_pkey PRIMARY KEY (alias_kind, alias_ref, valid_from),
    CONSTRAINT directory_entry_sealed_link_id_key UNIQUE (link_id)
);

CREATE INDEX directory_entry_sealed_person ON directory_entry_sealed (person_ref, valid_from);
