package dev.aispend.ingest.apikeys;

/** A creation that would make more keys usable at once than {@code ingest.api-keys.max-keys} allows (409). */
public final class ApiKeyLimitException extends RuntimeException {
    private final int maxKeys;

    public ApiKeyLimitException(int maxKeys) {
        super(maxKeys + " API keys are usable already");
        this.maxKeys = maxKeys;
    }

    public int maxKeys() {
        return maxKeys;
    }
}
