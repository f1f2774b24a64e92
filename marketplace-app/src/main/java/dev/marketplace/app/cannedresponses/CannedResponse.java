package dev.marketplace.app.cannedresponses;

import dev.marketplace.api.program.RejectionReason;
import java.time.Instant;

/** A reviewer's template: for rejections with {@code reason}, or for questions when the reason is null. */
record CannedResponse(String id, String reviewerId, RejectionReason reason, String title, String text,
                      Instant updatedAt) {
}
