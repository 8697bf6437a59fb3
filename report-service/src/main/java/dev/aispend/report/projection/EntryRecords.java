package dev.aispend.report.projection;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;

/**
 * The entries kept one row each, as recorded: identity links, policy versions, refused policy changes, decisions
 * and usage conflicts. Each row carries its ledger position, so "as of" is a filter on it. JSON content is
 * written from the recorded map into JSONB, which keeps its values (not its key order).
 */
final class EntryRecords {
    private final JsonMapper json;

    EntryRecords(JsonMapper json) {
        this.json = json;
    }

    void link(Connection connection, long position, IdentityLinked link) {
        Sql.insertAll(connection, """
                INSERT INTO identity_link (position, link_id, alias_ref, alias_kind, person_ref, team, cost_center,
                    effective_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", List.of(link), (row, value) -> row
                .number(position).text(value.linkId()).text(value.aliasRef()).text(value.aliasKind())
                .text(value.personRef()).text(value.team()).text(value.costCenter()).instant(value.occurredAt()));
    }

    void policy(Connection connection, long position, PolicyChanged change) {
        Sql.insertAll(connection, """
                INSERT INTO policy_version (position, request_id, policy_id, kind, version, actor, content, diff,
                    effective_from, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", List.of(change),
                (row, value) -> row.number(position).text(value.requestId()).text(value.policyId())
                        .text(value.kind().name()).number(value.version()).text(value.actor())
                        .json(write(value.content())).json(write(value.diff())).instant(value.effectiveFrom())
                        .instant(value.occurredAt()));
    }

    void rejection(Connection connection, long position, PolicyChangeRejected rejection) {
        Sql.insertAll(connection, """
                INSERT INTO policy_rejection (position, request_id, policy_id, kind, expected_version,
                    current_version, actor, reason, content, effective_from, occurred_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", List.of(rejection), (row, value) -> row
                        .number(position).text(value.requestId()).text(value.policyId()).text(value.kind().name())
                        .number(value.expectedVersion()).number(value.currentVersion()).text(value.actor())
                        .text(value.reason()).json(write(value.content())).instant(value.effectiveFrom())
                        .instant(value.occurredAt()));
    }

    void decision(Connection connection, long position, PolicyDecisionRecorded decision) {
        Sql.insertAll(connection, """
                INSERT INTO decision (position, decision_id, kind, subject, policy_id, policy_version, result, reason,
                    occurred_at, trigger_position, inputs, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                List.of(decision), (row, value) -> row.number(position).text(value.decisionId()).text(value.kind())
                        .text(value.subject()).text(value.policyId()).number(value.policyVersion())
                        .text(value.result()).text(value.reason()).instant(value.occurredAt())
                        .nullableNumber(value.triggerPosition()).json(write(value.inputs()))
                        .json(value.evidence() == null ? null : write(value.evidence())));
    }

    void conflict(Connection connection, long position, UsageConflictFlagged conflict) {
        Sql.insertAll(connection, """
                INSERT INTO usage_conflict (position, usage_record_id, recorded_content_sha256,
                    conflicting_content_sha256, source, team, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                List.of(conflict), (row, value) -> row.number(position).text(value.usageRecordId())
                        .text(value.recordedContentSha256()).text(value.conflictingContentSha256())
                        .text(value.source()).text(value.team()).instant(value.occurredAt()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write recorded content as JSON", failure);
        }
    }
}
