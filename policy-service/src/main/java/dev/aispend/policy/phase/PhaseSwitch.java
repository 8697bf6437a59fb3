package dev.aispend.policy.phase;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * A phase that changed: of {@code team}, or of the organization ({@code team} null, for every team without a phase
 * policy of its own), by hand (a new policy version) or by the automatic rule, with what decided it.
 */
public record PhaseSwitch(@Nullable String team, Phase from, Phase to, boolean automatic, String policyId,
                          long policyVersion, Map<String, Object> evidence) {
}
