package dev.aispend.platform.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretFilesTest {
    private static final String SECRET = "s3cret-from-a-mounted-file";

    @TempDir
    Path directory;

    @Test
    void reads_the_secret_from_the_file_named_by_its_file_variable_without_the_trailing_line_break() throws Exception {
        Path file = write("db-password", SECRET + "\n");

        assertThat(SecretFiles.read(Map.of("DB_PASSWORD_FILE", file.toString())))
                .containsExactly(Map.entry("DB_PASSWORD", SECRET));
    }

    @Test
    void removes_every_trailing_line_break_of_either_kind_and_nothing_else() {
        assertThat(SecretFiles.withoutTrailingLineBreaks(" first\nsecond \r\n\n")).isEqualTo(" first\nsecond ");
        assertThat(SecretFiles.withoutTrailingLineBreaks("\n")).isEmpty();
    }

    static final Iterable<String> NAMES = SecretNames.ALL;

    @ParameterizedTest
    @FieldSource("NAMES")
    void reads_every_listed_secret_from_a_file(String name) throws Exception {
        Path file = write(name, SECRET);

        assertThat(SecretFiles.read(Map.of(name + "_FILE", file.toString()))).containsExactly(Map.entry(name, SECRET));
    }

    @Test
    void reads_nothing_when_no_file_variable_is_set() {
        assertThat(SecretFiles.read(Map.of("DB_PASSWORD", SECRET, "PATH", "/usr/bin"))).isEmpty();
    }

    @Test
    void ignores_a_file_variable_of_a_setting_that_is_not_a_listed_secret() throws Exception {
        Path file = write("other", SECRET);

        assertThat(SecretFiles.read(Map.of("LEDGER_SIGNING_KEY_FILE", file.toString(),
                "HTTP_PORT_FILE", file.toString()))).isEmpty();
    }

    @Test
    void takes_an_empty_variable_beside_a_file_as_not_set() throws Exception {
        Path file = write("pseudonym-key", SECRET);

        assertThat(SecretFiles.read(Map.of("PSEUDONYM_KEY", "", "PSEUDONYM_KEY_FILE", file.toString())))
                .containsExactly(Map.entry("PSEUDONYM_KEY", SECRET));
        assertThat(SecretFiles.read(Map.of("PSEUDONYM_KEY", SECRET, "PSEUDONYM_KEY_FILE", ""))).isEmpty();
    }

    @Test
    void refuses_a_secret_given_both_directly_and_as_a_file_naming_both_variables_but_no_value() throws Exception {
        Path file = write("webhook", "the-file-secret");

        assertThatThrownBy(() -> SecretFiles.read(Map.of("INGEST_GITHUB_WEBHOOK_SECRETS", SECRET,
                "INGEST_GITHUB_WEBHOOK_SECRETS_FILE", file.toString(), "DB_PASSWORD", SECRET,
                "DB_PASSWORD_FILE", file.toString())))
                .isInstanceOf(SecretFileException.class)
                .hasMessageContaining("DB_PASSWORD and DB_PASSWORD_FILE")
                .hasMessageContaining("INGEST_GITHUB_WEBHOOK_SECRETS and INGEST_GITHUB_WEBHOOK_SECRETS_FILE")
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("the-file-secret");
    }

    @Test
    void refuses_a_missing_file_naming_the_variable_and_the_file() {
        Path missing = directory.resolve("not-there");

        assertThatThrownBy(() -> SecretFiles.read(Map.of("DB_PASSWORD_FILE", missing.toString())))
                .isInstanceOf(SecretFileException.class)
                .hasMessageContaining("DB_PASSWORD_FILE names " + missing + ", which cannot be read");
    }

    @Test
    void refuses_a_file_it_cannot_decode_without_repeating_any_of_its_content() throws Exception {
        Path file = directory.resolve("binary");
        byte[] readable = "readable-part-of-the-secret".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[readable.length + 1];
        System.arraycopy(readable, 0, content, 0, readable.length);
        content[readable.length] = (byte) 0xC3; // a UTF-8 sequence cut short
        Files.write(file, content);

        assertThatThrownBy(() -> SecretFiles.read(Map.of("PSEUDONYM_KEY_FILE", file.toString())))
                .isInstanceOf(SecretFileException.class)
                .hasMessageContaining("PSEUDONYM_KEY_FILE names " + file)
                .satisfies(failure -> assertThat(stackTraceOf(failure)).doesNotContain("readable-part"));
    }

    @Test
    void refuses_a_directory_named_as_a_file() {
        assertThatThrownBy(() -> SecretFiles.read(Map.of("AUTH_LEDGER_CREDENTIAL_FILE", directory.toString())))
                .isInstanceOf(SecretFileException.class)
                .hasMessageContaining("AUTH_LEDGER_CREDENTIAL_FILE names " + directory);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
