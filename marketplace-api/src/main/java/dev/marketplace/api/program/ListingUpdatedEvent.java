package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The whole listing after the change, so a reader never needs the earlier events to know it. */
@Revision("1")
public record ListingUpdatedEvent(String programId, String name, String summary, String description,
                                  Category category, List<String> tags, String iconUrl) implements ProgramEvent {
}
