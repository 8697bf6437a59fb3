-- The identity directory: who each alias (an email, a GitHub login, a provider account id, an API key id, or
-- the person key itself) belongs to, from when. Personal data: it stays in ingest's database; the ledger gets
-- IdentityLinked events of pseudonymous refs. History is kept: a move to another team is a new row with a later
-- valid_from, so usage is attributed as of its own time.
CREATE TABLE directory_entry (
    alias_kind  TEXT        NOT NULL,
    -- As AliasKind.normalize gives it (emails, logins and person keys lower-cased).
    alias_value TEXT        NOT NULL,
    valid_from  TIMESTAMPTZ NOT NULL,
    person_id   TEXT        NOT NULL,
    team        TEXT        NOT NULL,
    cost_center TEXT,
    -- The IdentityLink's id, derived from the entry's content: the same entry imported twice is one link.
    link_id     TEXT        NOT NULL UNIQUE,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (alias_kind, alias_value, valid_from)
);

CREATE INDEX directory_entry_person ON directory_entry (person_id, valid_from);
