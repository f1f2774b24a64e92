package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record VersionRejectedEvent(String programId, String version, String reviewerId,
                                   List<RejectionReason> reasons, String comment) implements ProgramEvent {
}
