package dev.aispend.policy.check;

import io.micronaut.core.annotation.Nullable;

/** A check committed: its verdict, the reservation it holds (null when none) and what was stored for it. */
public record CheckRecorded(CheckVerdict verdict, @Nullable Reservation reservation, CheckDocuments documents) {
}
