-- Usage recorded as reconciliation evidence (UsageEvidenceRecorded, ADR 0009) carries the usage's fields under
-- "evidence". Its audit attributes (occurredAt, team, personRef, source, model) are copied from there, so audit
-- queries filter evidence by team, person, source and time like spend. Only the copied, unhashed columns change:
-- the entry hash covers the stored bytes, never these.
CREATE OR REPLACE FUNCTION copy_entry_attributes(entry DomainEventEntry) RETURNS DomainEventEntry LANGUAGE plpgsql AS $$
DECLARE
    body JSONB := convert_from(entry.payload, 'UTF8')::jsonb;
BEGIN
    IF entry.payloadType = 'UsageEvidenceRecorded' AND jsonb_typeof(body -> 'evidence') = 'object' THEN
        body := body -> 'evidence';
    END IF;
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
