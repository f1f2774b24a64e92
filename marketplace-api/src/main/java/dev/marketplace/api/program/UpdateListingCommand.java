package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a listing; a null field keeps its current value. */
public record UpdateListingCommand(@TargetAggregateIdentifier String programId, String name, String summary,
                                  String description, Category category, List<String> tags, String iconUrl) {
}
