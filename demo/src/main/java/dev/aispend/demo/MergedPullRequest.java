package dev.aispend.demo;

import java.time.Instant;
import java.util.List;

/**
 * A pull request merged by its author, delivered as GitHub's {@code pull_request} closed+merged webhook.
 *
 * @param id         GitHub's {@code pull_request.id}: the outcome id is {@code github-pr-<id>}
 * @param deliveryId the {@code X-GitHub-Delivery} GUID, deterministic so a resend is a redelivery
 * @param body       the description, carrying the AI-assistance marks (a trailer, a footer, a session link) or none
 */
public record MergedPullRequest(long id, String deliveryId, Person author, String repository, int number,
                                Instant mergedAt, int additions, int deletions, int changedFiles, int commits,
                                String branch, String title, String body, List<String> labels, boolean aiAssisted) {
}
