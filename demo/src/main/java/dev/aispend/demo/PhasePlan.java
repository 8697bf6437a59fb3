package dev.aispend.demo;

import java.time.Instant;

/**
 * A team switched to the OUTCOME phase by hand through POST /v1/phases, sent once the usage before {@code from} is
 * recorded (a rule governs from its ledger position: the team explores until then, then earns outcome badges only).
 */
public record PhasePlan(String id, String team, String phase, Instant from) {
}
