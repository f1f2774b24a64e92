package dev.marketplace.api.program;

import java.time.Instant;
import java.util.List;

/** The review of a version: who holds or decided it, and with what outcome. Outcome is null while undecided. */
public record ReviewView(String reviewer, ReviewOutcome outcome, List<RejectionReason> reasons, String comment,
                         Instant decidedAt) {
}
