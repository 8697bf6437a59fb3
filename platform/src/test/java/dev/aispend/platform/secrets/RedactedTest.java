package dev.aispend.platform.secrets;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedTest {

    record Settings(@Secret String key, @Secret List<String> secrets, int limit, String name) {
        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    @Test
    void writes_every_component_but_the_values_of_the_secret_ones() {
        Settings settings = new Settings("the-key", List.of("new", "old"), 10, "ingest");

        assertThat(settings).hasToString("Settings[key=<redacted>, secrets=<redacted>, limit=10, name=ingest]");
    }

    @Test
    void shows_an_unset_secret_as_unset() {
        assertThat(new Settings(null, List.of(), 1, "")).hasToString("Settings[key=null, secrets=[], limit=1, name=]");
        assertThat(new Settings("", null, 1, null).toString()).startsWith("Settings[key=, secrets=null,");
    }
}
