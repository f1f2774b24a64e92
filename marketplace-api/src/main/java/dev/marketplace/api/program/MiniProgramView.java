package dev.marketplace.api.program;

import java.time.Instant;
import java.util.List;

/**
 * A mini-program as clients see it. The write side returns it from a command (read-your-writes) and the read side
 * builds it from its projections, so both answer GraphQL with the same shape.
 */
public record MiniProgramView(String id, String developerId, String name, String summary, String description,
                              Category category, List<String> tags, String iconUrl, ProgramStatus status,
                              String currentVersion, List<VersionView> versions, Instant createdAt,
                              Instant updatedAt) {
}
