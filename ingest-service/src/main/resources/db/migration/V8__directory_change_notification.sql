-- Every instance of ingest caches the directory's answers and forgets them when the directory changes
-- (docs/adr/0016-directory-answers-cached-until-notified.md). Each statement that changes directory_entry notifies
-- the channel aispend_directory_changed; PostgreSQL delivers it to every listening session when, and only if, the
-- transaction commits. A trigger rather than a statement in the service, so that every writer is heard: the
-- service, an operator's SQL, a restore.
CREATE FUNCTION directory_entry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('aispend_directory_changed', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER directory_entry_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_entry
    FOR EACH STATEMENT EXECUTE FUNCTION directory_entry_changed();
