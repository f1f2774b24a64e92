package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterMiniProgramCommand(@TargetAggregateIdentifier String programId, String name, String summary,
                                         String description, Category category, List<String> tags, String iconUrl) {
}
