-- Schema version 2 of the ledger (docs/adr/0007-sealed-ledger-event-model.md):
--   * every entry is SEALED in its appending transaction: previousHash and entryHash (SHA-256 over the previous
--     hash and the entry's canonical bytes, docs/ledger-format.md section 1), computed here in the database, by
--     the same trigger that assigns the gapless position, under the same ledger_head row lock. Whatever code
--     inserts, in whatever transaction, an entry cannot be stored unsealed, and the chain follows the position
--     order exactly: a rolled-back transaction undoes its positions and hashes together, and a transaction
--     commits only after the one before it (the lock), so no late commit can slip in behind a sealed entry.
--   * the audit attributes (occurredAt, team, personRef, source, policyId, model) are copied from the payload
--     into indexed columns, for audit queries and re-pricing selections;
--   * idempotency keys in a table of their own, written in the appending transaction (by the intake);
--   * signed checkpoints, the Merkle subtrees they build on, and replay jobs.
-- Entries stored by the foundation are sealed below, once, in position order, with the same function.

-- The hashed bytes are UTF-8 (convert_to/convert_from below): on a database in another encoding they would not
-- be what docs/ledger-format.md says, so refuse to run there rather than seal something else.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'the ledger database must use the UTF8 encoding, not %', current_setting('server_encoding');
    END IF;
END;
$$;

CREATE FUNCTION ledger_entry_bytes(previous_hash BYTEA, entry_position BIGINT, event_id TEXT, event_type TEXT,
                                   schema_version TEXT, recorded_at TEXT, payload BYTEA)
    RETURNS BYTEA LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT convert_to(E'aispend-ledger-entry/1\n', 'UTF8')
        || previous_hash
        || int8send(entry_position)
        || int4send(octet_length(convert_to(event_id, 'UTF8')))       || convert_to(event_id, 'UTF8')
        || int4send(octet_length(convert_to(event_type, 'UTF8')))     || convert_to(event_type, 'UTF8')
        || int4send(octet_length(convert_to(schema_version, 'UTF8'))) || convert_to(schema_version, 'UTF8')
        || int4send(octet_length(convert_to(recorded_at, 'UTF8')))    || convert_to(recorded_at, 'UTF8')
        || int4send(octet_length(payload))                            || payload
$$;

ALTER TABLE DomainEventEntry
    ADD COLUMN previousHash BYTEA,
    ADD COLUMN entryHash    BYTEA,
    ADD COLUMN recordedAt   TIMESTAMPTZ,
    ADD COLUMN occurredAt   TIMESTAMPTZ,
    ADD COLUMN team         VARCHAR(255),
    ADD COLUMN personRef    VARCHAR(255),
    ADD COLUMN source       VARCHAR(255),
    ADD COLUMN policyId     VARCHAR(255),
    ADD COLUMN model        VARCHAR(255);

ALTER TABLE ledger_head ADD COLUMN last_hash BYTEA NOT NULL DEFAULT decode(repeat('00', 32), 'hex');

-- Copies the audit attributes out of a payload (every payload is a JSON object; absent fields stay NULL).
CREATE FUNCTION copy_entry_attributes(entry DomainEventEntry) RETURNS DomainEventEntry LANGUAGE plpgsql AS $$
DECLARE
    body JSONB := convert_from(entry.payload, 'UTF8')::jsonb;
BEGIN
    entry.recordedAt := entry.timeStamp::timestamptz;
    entry.occurredAt := (body ->> 'occurredAt')::timestamptz;
    entry.team := body ->> 'team';
    entry.personRef := body ->> 'personRef';
    entry.source := body ->> 'source';
    entry.policyId := body ->> 'policyId';
    entry.model := body ->> 'model';
    RETURN entry;
END;
$$;

-- Seal the foundation's entries, in position order, before the append-only trigger is back.
ALTER TABLE DomainEventEntry DISABLE TRIGGER domain_event_append_only;
DO $$
DECLARE
    stored   DomainEventEntry;
    previous BYTEA := decode(repeat('00', 32), 'hex');
    expected BIGINT := 1;
    sealed   DomainEventEntry;
BEGIN
    FOR stored IN SELECT * FROM DomainEventEntry ORDER BY ledgerPosition LOOP
        IF stored.ledgerPosition <> expected THEN
            RAISE EXCEPTION 'ledger position % found where % was expected', stored.ledgerPosition, expected;
        END IF;
        sealed := copy_entry_attributes(stored);
        UPDATE DomainEventEntry
           SET previousHash = previous,
               entryHash = sha256(ledger_entry_bytes(previous, stored.ledgerPosition, stored.eventIdentifier,
                   stored.payloadType, stored.payloadRevision, stored.timeStamp, stored.payload)),
               recordedAt = sealed.recordedAt, occurredAt = sealed.occurredAt, team = sealed.team,
               personRef = sealed.personRef, source = sealed.source, policyId = sealed.policyId, model = sealed.model
         WHERE globalIndex = stored.globalIndex
        RETURNING entryHash INTO previous;
        expected := expected + 1;
    END LOOP;
    IF (SELECT last_position FROM ledger_head WHERE id = 1) <> expected - 1 THEN
        RAISE EXCEPTION 'ledger_head does not match the stored entries';
    END IF;
    UPDATE ledger_head SET last_hash = previous WHERE id = 1;
END;
$$;
ALTER TABLE DomainEventEntry ENABLE TRIGGER domain_event_append_only;

ALTER TABLE DomainEventEntry
    ALTER COLUMN previousHash SET NOT NULL,
    ALTER COLUMN entryHash SET NOT NULL,
    ALTER COLUMN recordedAt SET NOT NULL,
    ALTER COLUMN payloadRevision SET NOT NULL;

-- Position, seal and attributes, all in one BEFORE INSERT trigger. The first append of a transaction locks
-- ledger_head (held until the transaction ends) and reads the last position and hash; later appends of the
-- same transaction continue from transaction-local settings, so a batch costs no extra row versions.
CREATE OR REPLACE FUNCTION assign_ledger_position() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_position BIGINT;
    previous_hash BYTEA;
BEGIN
    next_position := NULLIF(current_setting('aispend.next_ledger_position', true), '')::BIGINT;
    IF next_position IS NULL THEN
        SELECT last_position + 1, last_hash INTO next_position, previous_hash
          FROM ledger_head WHERE id = 1 FOR UPDATE;
        PERFORM set_config('aispend.first_ledger_position', next_position::text, true);
    ELSE
        previous_hash := decode(current_setting('aispend.last_entry_hash'), 'hex');
    END IF;
    NEW := copy_entry_attributes(NEW);
    NEW.ledgerPosition := next_position;
    NEW.previousHash := previous_hash;
    NEW.entryHash := sha256(ledger_entry_bytes(previous_hash, next_position, NEW.eventIdentifier, NEW.payloadType,
        NEW.payloadRevision, NEW.timeStamp, NEW.payload));
    PERFORM set_config('aispend.next_ledger_position', (next_position + 1)::text, true);
    PERFORM set_config('aispend.last_entry_hash', encode(NEW.entryHash, 'hex'), true);
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION advance_ledger_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Fires at commit once per appended row; only the transaction's last entry moves the head, after checking
    -- that every position the transaction handed out holds a row: an insert that took a position and then did
    -- not store its row (INSERT ... ON CONFLICT DO NOTHING) would otherwise leave a gap behind a sealed entry.
    IF NEW.ledgerPosition = current_setting('aispend.next_ledger_position')::BIGINT - 1 THEN
        IF (SELECT count(*) FROM DomainEventEntry
             WHERE ledgerPosition BETWEEN current_setting('aispend.first_ledger_position')::BIGINT
                                      AND NEW.ledgerPosition)
           <> NEW.ledgerPosition - current_setting('aispend.first_ledger_position')::BIGINT + 1 THEN
            RAISE EXCEPTION 'ledger positions % to % are not all stored; refusing a gap',
                current_setting('aispend.first_ledger_position'), NEW.ledgerPosition;
        END IF;
        UPDATE ledger_head SET last_position = NEW.ledgerPosition, last_hash = NEW.entryHash WHERE id = 1;
    END IF;
    RETURN NULL;
END;
$$;

-- Followers of ledger.v1 read the sealed envelope; entries the foundation published there in its own format
-- are superseded: publication starts again from position 1, so every entry is on the topic sealed (followers
-- skip the foundation's messages and positions they applied already).
UPDATE ledger_publication SET last_published_position = 0, published_at = NULL WHERE id = 1;

-- Audit queries filter by these and page by position.
CREATE INDEX domain_event_type_position ON DomainEventEntry (payloadType, ledgerPosition);
CREATE INDEX domain_event_team_position ON DomainEventEntry (team, ledgerPosition) WHERE team IS NOT NULL;
CREATE INDEX domain_event_person_position ON DomainEventEntry (personRef, ledgerPosition) WHERE personRef IS NOT NULL;
CREATE INDEX domain_event_policy_position ON DomainEventEntry (policyId, ledgerPosition) WHERE policyId IS NOT NULL;
CREATE INDEX domain_event_occurred_at ON DomainEventEntry (occurredAt);
CREATE INDEX domain_event_recorded_at ON DomainEventEntry (recordedAt);
CREATE INDEX domain_event_model_occurred_at ON DomainEventEntry (model, occurredAt) WHERE model IS NOT NULL;

-- One row per idempotency key: (kind, key) is recorded once, with the hash of the content it was recorded with
-- and the position of the entry that recorded it. Written in the appending transaction; the primary key is what
-- enforces "exactly once per id" even if the intake's own check were wrong.
CREATE TABLE idempotency_key (
    kind           VARCHAR(32)  NOT NULL,
    key            VARCHAR(512) NOT NULL,
    content_sha256 CHAR(64)     NOT NULL,
    position       BIGINT       NOT NULL,
    PRIMARY KEY (kind, key)
);
INSERT INTO idempotency_key (kind, key, content_sha256, position)
SELECT 'usage', convert_from(payload, 'UTF8')::jsonb ->> 'usageRecordId',
       convert_from(payload, 'UTF8')::jsonb ->> 'contentSha256', ledgerPosition
  FROM DomainEventEntry WHERE payloadType = 'dev.aispend.ledger.api.UsageRecordedEvent';
CREATE TRIGGER idempotency_key_append_only BEFORE UPDATE OR DELETE ON idempotency_key
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_rewrite();
CREATE TRIGGER idempotency_key_no_truncate BEFORE TRUNCATE ON idempotency_key
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_rewrite();

-- Signed tree heads (docs/ledger-format.md section 3). frontier: the Merkle tree's frontier at tree_size, so the
-- next checkpoint extends it without rehashing the ledger.
CREATE TABLE ledger_signed_checkpoint (
    checkpoint_number BIGINT      PRIMARY KEY CHECK (checkpoint_number >= 1),
    tree_size         BIGINT      NOT NULL UNIQUE CHECK (tree_size >= 0),
    chain_head_hash   BYTEA       NOT NULL,
    merkle_root       BYTEA       NOT NULL,
    issued_at         VARCHAR(64) NOT NULL,
    key_id            CHAR(64)    NOT NULL,
    signature         BYTEA       NOT NULL,
    frontier          BYTEA       NOT NULL
);
CREATE TRIGGER ledger_signed_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_signed_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_rewrite();
CREATE TRIGGER ledger_signed_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_signed_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_rewrite();

-- Roots of the perfect, aligned Merkle subtrees (2^level leaves from start_leaf), kept from level 8 up as the
-- checkpoints complete them, so a proof reads at most a few hundred entry hashes per level instead of the ledger.
CREATE TABLE merkle_subtree (
    level      SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 62),
    start_leaf BIGINT   NOT NULL CHECK (start_leaf >= 0),
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, start_leaf)
);
CREATE TRIGGER merkle_subtree_append_only BEFORE UPDATE OR DELETE ON merkle_subtree
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_rewrite();
CREATE TRIGGER merkle_subtree_no_truncate BEFORE TRUNCATE ON merkle_subtree
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_rewrite();

-- Replays of stored entries to a replay topic (POST /v1/ledger/replays): progress, for GET and cancel.
CREATE TABLE ledger_replay (
    id                  VARCHAR(64)  PRIMARY KEY,
    topic               VARCHAR(255) NOT NULL,
    from_position       BIGINT       NOT NULL CHECK (from_position >= 1),
    to_position         BIGINT       NOT NULL,
    published_position  BIGINT       NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    requested_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at          TIMESTAMPTZ,
    finished_at         TIMESTAMPTZ,
    failure             TEXT,
    CHECK (to_position >= from_position)
);
