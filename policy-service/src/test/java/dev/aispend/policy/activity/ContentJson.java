package dev.aispend.policy.activity;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aispend.testsupport.ledger.TestLedger;

import java.io.IOException;
import java.util.Map;

/** Content as it comes back from the ledger: written as JSON and decoded again (longs may come back as ints). */
public final class ContentJson {
    private ContentJson() {
    }

    public static Map<String, Object> throughJson(Map<String, Object> content) throws IOException {
        return TestLedger.JACKSON.readValue(TestLedger.json(content), new TypeReference<Map<String, Object>>() { });
    }
}
