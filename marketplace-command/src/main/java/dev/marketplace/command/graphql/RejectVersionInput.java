package dev.marketplace.command.graphql;

import dev.marketplace.api.program.RejectionReason;
import java.util.List;

record RejectVersionInput(String versionId, List<RejectionReason> reasons, String comment) {
}
