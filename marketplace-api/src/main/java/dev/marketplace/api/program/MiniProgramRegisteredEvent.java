package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MiniProgramRegisteredEvent(String programId, String developerId, String name, String summary,
                                         String description, Category category, List<String> tags,
                                         String iconUrl) implements ProgramEvent {
}
