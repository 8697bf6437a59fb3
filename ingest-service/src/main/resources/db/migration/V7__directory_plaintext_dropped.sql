-- The end of the directory's upgrade (V5): once V6 copied every row, sealed, the plaintext table is dropped (a
-- dropped table's files are removed; an UPDATE or DROP COLUMN would leave the old values in the table's pages) and
-- the sealed table takes its name. Refuses to drop anything V6 did not copy, e.g. when the migrations run without
-- the service (Flyway's command line does not know V6): rows would be lost.
DO $$
BEGIN
    IF (SELECT count(*) FROM directory_entry) <> (SELECT count(*) FROM directory_entry_sealed) THEN
        RAISE EXCEPTION '%', 'directory_entry has rows directory_entry_sealed does not: run the migrations by '
            || 'starting ingest-service with PSEUDONYM_KEY and DIRECTORY_ENCRYPTION_KEY (V6 seals the rows)';
    END IF;
END;
$$;

DROP TABLE directory_entry;
ALTER TABLE directory_entry_sealed RENAME TO directory_entry;
ALTER TABLE directory_entry RENAME CONSTRAINT directory_entry_sealed_pkey TO directory_entry_pkey;
ALTER TABLE directory_entry RENAME CONSTRAINT directory_entry_sealed_link_id_key TO directory_entry_link_id_key;
ALTER INDEX directory_entry_sealed_person RENAME TO directory_entry_person;
