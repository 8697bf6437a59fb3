package dev.aispend.audit;

/** Something the auditor was given does not verify; the message is the one line the verifier prints after FAIL. */
final class VerificationFailure extends Exception {
    private static final long serialVersionUID = 1L;

    VerificationFailure(String message) {
        super(message);
    }

    VerificationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
