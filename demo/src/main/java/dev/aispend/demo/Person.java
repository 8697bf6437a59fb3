package dev.aispend.demo;

/**
 * A person of the demo organisation, with the aliases each client knows them by. Only the directory gets the email;
 * every client names the person by another alias (an account uuid, a gateway user, an API key, a GitHub login).
 *
 * @param email        the directory's person key and email alias
 * @param githubLogin  the author login of their pull requests
 * @param accountUuid  Claude Code's {@code user.account_uuid}
 * @param gatewayUser  LiteLLM's {@code user_api_key_user_id}
 * @param apiKeyId     the API key id internal tools report
 * @param weight       their usage as a multiple of a typical person (team intensity times their own factor)
 * @param exportsLogs  whether their Claude Code also exports api_request log events (reconciliation evidence)
 */
public record Person(String email, String githubLogin, String accountUuid, String gatewayUser, String apiKeyId,
                     Team team, Client client, Behaviour behaviour, double weight, boolean exportsLogs) {

    public boolean gamer() {
        return behaviour != Behaviour.NORMAL;
    }
}
