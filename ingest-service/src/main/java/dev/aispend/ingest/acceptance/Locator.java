package dev.aispend.ingest.acceptance;

/**
 * Names, in the client's own format, where a broken rule sits: the acceptance path reports violations in our
 * field names ({@code inputTokens}) for submission {@code index}; an adapter answers with its own path
 * ({@code records[3].inputTokens}, {@code resourceLogs[0].scopeLogs[0].logRecords[2]: input_tokens}).
 */
@FunctionalInterface
public interface Locator {

    String path(int index, String field);

    /** A single submission: the field name as is. */
    Locator SINGLE = (index, field) -> field;

    /** {@code <array>[i].field}, for a JSON array of submissions. */
    static Locator elements(String array) {
        return (index, field) -> "$".equals(field) ? array + "[" + index + "]" : array + "[" + index + "]." + field;
    }
}
