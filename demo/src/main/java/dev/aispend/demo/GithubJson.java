package dev.aispend.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GitHub's {@code pull_request} webhook payload for a merge ({@code action: closed}, {@code merged: true}), with the
 * fields docs/github.md reads and the ones GitHub always sends beside them (docs.github.com, "Webhook events and
 * payloads", pull_request).
 */
final class GithubJson {
    private GithubJson() {
    }

    static byte[] merged(MergedPullRequest pr) {
        String login = pr.author().githubLogin();
        String url = "https://github.com/" + pr.repository() + "/pull/" + pr.number();
        ObjectNode root = Json.object().put("action", "closed").put("number", pr.number());
        ObjectNode pull = root.putObject("pull_request").put("url", url.replace("github.com/",
                        "api.github.com/repos/").replace("/pull/", "/pulls/")).put("id", pr.id())
                .put("html_url", url).put("number", pr.number()).put("state", "closed").put("locked", false)
                .put("title", pr.title()).put("body", pr.body())
                .put("created_at", pr.mergedAt().minusSeconds(86_400L + pr.additions() * 60L).toString())
                .put("updated_at", pr.mergedAt().toString()).put("closed_at", pr.mergedAt().toString())
                .put("merged_at", pr.mergedAt().toString()).put("merge_commit_sha", sha(pr))
                .put("draft", false).put("merged", true).put("comments", pr.commits() / 2)
                .put("review_comments", pr.commits()).put("commits", pr.commits()).put("additions", pr.additions())
                .put("deletions", pr.deletions()).put("changed_files", pr.changedFiles());
        user(pull.putObject("user"), login, pr.author().email().length());
        user(pull.putObject("merged_by"), login, pr.author().email().length());
        ArrayNode labels = pull.putArray("labels");
        pr.labels().forEach(label -> labels.addObject().put("name", label).put("color", "0e8a16"));
        pull.putObject("head").put("ref", pr.branch()).put("sha", sha(pr).substring(0, 20) + "0000000000000000000a");
        pull.putObject("base").put("ref", "main");
        root.putObject("repository").put("id", pr.repository().hashCode() & 0x7fffffff)
                .put("name", pr.repository().substring(pr.repository().indexOf('/') + 1))
                .put("full_name", pr.repository()).put("private", true);
        root.putObject("organization").put("login", "acme");
        user(root.putObject("sender"), login, pr.author().email().length());
        return Json.bytes(root);
    }

    private static void user(ObjectNode user, String login, int id) {
        user.put("login", login).put("id", 90_000 + Math.abs(login.hashCode() % 10_000) + id).put("type", "User");
    }

    private static String sha(MergedPullRequest pr) {
        return String.format("%040x", new java.math.BigInteger(1, Long.toString(pr.id() * 31 + pr.number())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 40);
    }
}
