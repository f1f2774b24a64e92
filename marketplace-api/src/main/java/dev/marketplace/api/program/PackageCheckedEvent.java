package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The automated checks of a version's package ran, asynchronously after its submission, and found these. */
@Revision("1")
public record PackageCheckedEvent(String programId, String version, List<CheckFinding> findings)
        implements ProgramEvent {
}
