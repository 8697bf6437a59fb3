package dev.aispend.ingest.directory;

/**
 * A re-identification the ledger's intake did not acknowledge in time: nobody is told who the person is (503),
 * since every disclosure must have its entry in the ledger.
 */
public final class ReidentificationNotRecordedException extends RuntimeException {

    ReidentificationNotRecordedException(Throwable cause) {
        super("the re-identification was not acknowledged by the ledger's intake", cause);
    }
}
