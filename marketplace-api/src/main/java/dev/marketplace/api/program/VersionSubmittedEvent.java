package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record VersionSubmittedEvent(String programId, String version, String changelog,
                                    List<Permission> permissions, List<PrivacyDataUse> privacyUses,
                                    String packageDigest, long packageSize) implements ProgramEvent {
}
