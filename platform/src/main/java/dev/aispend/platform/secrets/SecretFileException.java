package dev.aispend.platform.secrets;

/** A secret file setting the service cannot start with. Its message names variables and files, never a secret. */
public final class SecretFileException extends IllegalStateException {

    SecretFileException(String message) {
        super(message);
    }

    SecretFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
