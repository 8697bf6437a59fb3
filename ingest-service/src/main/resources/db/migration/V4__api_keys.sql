-- API keys for machine clients (docs/security.md, "API keys"). Never the key itself: only the SHA-256 of its random
-- 256-bit secret, which cannot be turned back into the secret. Each row's state is also published on api-keys.v1
-- (compacted) in the same transaction, before it commits, for every service to authenticate with. Rows are never
-- deleted: a revoked or expired key stays listed, with who created and who revoked it.
CREATE TABLE api_key (
    -- The public part of the key, ask_<id>_<secret>: 24 lower-case hex characters.
    id            TEXT        PRIMARY KEY,
    name          TEXT        NOT NULL,
    -- Lower-case hex SHA-256 of the secret.
    secret_sha256 TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL,
    -- The teams a team-scoped role is limited to; empty for organisation-wide roles.
    teams         TEXT[]      NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    -- The admin's principal name.
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    revoked_by    TEXT,
    CONSTRAINT api_key_revocation_complete CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- The list is newest first.
CREATE INDEX api_key_created_at ON api_key (created_at DESC, id);
