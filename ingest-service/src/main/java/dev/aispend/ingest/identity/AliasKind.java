package dev.aispend.ingest.identity;

import java.util.Locale;

/**
 * The kinds of alias the directory maps to a person, in the order identity resolution tries them: the person
 * key itself first, then the alias that is most personal. The wire name ({@link #wireName()}) is what the
 * directory API, the CSV import and the ledger's {@code IdentityLinked.aliasKind} use.
 */
public enum AliasKind {
    PERSON("person"),
    EMAIL("email"),
    GITHUB_LOGIN("githubLogin"),
    PROVIDER_ACCOUNT_ID("providerAccountId"),
    API_KEY_ID("apiKeyId");

    private final String wireName;

    AliasKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    String of(SubjectAliases aliases) {
        return switch (this) {
            case PERSON -> aliases.person();
            case EMAIL -> aliases.email();
            case GITHUB_LOGIN -> aliases.githubLogin();
            case PROVIDER_ACCOUNT_ID -> aliases.providerAccountId();
            case API_KEY_ID -> aliases.apiKeyId();
        };
    }

    /**
     * The form the directory stores and looks up: emails and GitHub logins are case-insensitive, so lower-cased;
     * ids are compared exactly (an API key id differing in case is another key).
     */
    public String normalize(String value) {
        String stripped = value.strip();
        return switch (this) {
            case PERSON, EMAIL, GITHUB_LOGIN -> stripped.toLowerCase(Locale.ROOT);
            case PROVIDER_ACCOUNT_ID, API_KEY_ID -> stripped;
        };
    }

    public static AliasKind fromWireName(String wireName) {
        for (AliasKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown alias kind " + wireName);
    }
}
