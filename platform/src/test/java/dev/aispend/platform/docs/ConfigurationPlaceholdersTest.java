package dev.aispend.platform.docs;

import dev.aispend.platform.docs.ConfigurationPlaceholders.Placeholder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the reference check reads configuration files and the guide; the real files are checked beside it. */
class ConfigurationPlaceholdersTest {

    @Test
    void finds_variables_with_and_without_defaults_and_unquotes_a_default_in_backticks() {
        String yml = """
                server:
                  port: ${HTTP_PORT:8082}
                datasources:
                  default:
                    url: ${DB_URL:`jdbc:postgresql://localhost:5433/ledger`}
                    password: ${DB_PASSWORD:}
                ledger:
                  instance: ${LEDGER_INSTANCE_ID}
                """;

        assertThat(ConfigurationPlaceholders.inApplicationYml(yml)).containsExactly(
                new Placeholder("HTTP_PORT", "8082"),
                new Placeholder("DB_URL", "jdbc:postgresql://localhost:5433/ledger"),
                new Placeholder("DB_PASSWORD", ""),
                new Placeholder("LEDGER_INSTANCE_ID", ""));
    }

    @Test
    void leaves_out_placeholders_of_other_properties() {
        String yml = "bootstrap: ${kafka.bootstrap.servers}\nlag: ${checks.max-ledger-lag:5000}\n";

        assertThat(ConfigurationPlaceholders.inApplicationYml(yml)).isEmpty();
    }

    @Test
    void reads_logback_defaults_after_colon_dash() {
        String xml = "<root level=\"${LOG_LEVEL:-INFO}\"><appender-ref ref=\"${LOG_FORMAT:-json}\"/></root>";

        assertThat(ConfigurationPlaceholders.inLogbackXml(xml)).containsExactly(
                new Placeholder("LOG_LEVEL", "INFO"), new Placeholder("LOG_FORMAT", "json"));
    }

    @Test
    void a_longer_name_holding_a_variable_does_not_mention_it() {
        OperationsGuide guide = new OperationsGuide("Set `DB_PASSWORD_FILE` to the mounted file.");

        assertThat(guide.mentions("DB_PASSWORD_FILE")).isTrue();
        assertThat(guide.mentions("DB_PASSWORD")).isFalse();
    }

    @Test
    void a_default_counts_only_in_a_table_row_whose_first_cell_names_the_variable() {
        OperationsGuide guide = new OperationsGuide("""
                The lease is 10s by default.

                | variable | default | meaning |
                |---|---|---|
                | `LEDGER_LEADER_LEASE` | `10s` | how long a lease lasts |
                | `LEDGER_LEADER_RENEW_EVERY` | `2s` | renewal, a fifth of LEDGER_LEADER_RETRY_EVERY's row |
                """);

        assertThat(guide.statesDefault("LEDGER_LEADER_LEASE", "10s")).isTrue();
        assertThat(guide.statesDefault("LEDGER_LEADER_LEASE", "20s")).isFalse();
        assertThat(guide.statesDefault("LEDGER_LEADER_RETRY_EVERY", "2s")).isFalse();
    }
}
