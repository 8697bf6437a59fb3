package dev.aispend.ingest.directory;

/**
 * An application event: this instance committed a change to the directory. Published after the commit, so what
 * hears it (the directory cache) reads the change from then on; other instances hear of it by PostgreSQL's
 * notification instead (docs/adr/0016-directory-answers-cached-until-notified.md).
 */
public record DirectoryChanged() {
}
