-- What the gamification decisions the ledger recorded say, read back from ledger.v1 by the policy projection
-- (GamificationRecords): the phase of each team (and of the organization, team 'org'), every badge awarded, every
-- anomaly flag and its clearing. Derived from recorded decisions only, so a rebuild gives the same rows.
CREATE TABLE team_phase (
    team            TEXT PRIMARY KEY,
    phase           TEXT   NOT NULL,
    how             TEXT   NOT NULL,
    policy_id       TEXT   NOT NULL,
    policy_version  BIGINT NOT NULL,
    decision_id     TEXT   NOT NULL,
    ledger_position BIGINT NOT NULL,
    decided_at      TEXT   NOT NULL,
    evidence        TEXT   NOT NULL
);

CREATE TABLE badge_award (
    decision_id     TEXT PRIMARY KEY,
    person_ref      TEXT   NOT NULL,
    team            TEXT   NOT NULL,
    badge_id        TEXT   NOT NULL,
    badge_version   BIGINT NOT NULL,
    tier            TEXT   NOT NULL,
    window_key      TEXT   NOT NULL,
    evidence        TEXT   NOT NULL,
    ledger_position BIGINT NOT NULL,
    decided_at      TEXT   NOT NULL
);
CREATE INDEX badge_award_by_team ON badge_award (team, ledger_position);

CREATE TABLE anomaly_flag (
    decision_id              TEXT PRIMARY KEY,
    person_ref               TEXT   NOT NULL,
    team                     TEXT   NOT NULL,
    rule_id                  TEXT   NOT NULL,
    rule_version             BIGINT NOT NULL,
    window_key               TEXT   NOT NULL,
    flagged_spend_usd_micros BIGINT NOT NULL,
    evidence                 TEXT   NOT NULL,
    ledger_position          BIGINT NOT NULL,
    decided_at               TEXT   NOT NULL,
    cleared_decision_id      TEXT,
    cleared_by               TEXT,
    cleared_reason           TEXT,
    cleared_at               TEXT,
    cleared_position         BIGINT
);
CREATE INDEX anomaly_flag_by_team ON anomaly_flag (team, ledger_position);

-- A reviewer's clearing as sent to the ledger, until and after the ledger records it: a retry of the same clearing
-- sends the same decision again (the ledger records its id once); another reviewer's is refused (409), never sent
-- with the same id and other content.
CREATE TABLE anomaly_clearing_request (
    flag_decision_id TEXT PRIMARY KEY,
    actor            TEXT NOT NULL,
    reason           TEXT NOT NULL,
    decision         TEXT NOT NULL
);
