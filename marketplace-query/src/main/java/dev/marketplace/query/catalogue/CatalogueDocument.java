package dev.marketplace.query.catalogue;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.VersionView;
import java.time.Instant;
import java.util.List;

/**
 * One program in the catalogue index: the program as clients see it ({@code program}, stored but not indexed) and
 * the fields search, facets and sorting work on, all derived from it plus the popularity figures.
 */
public record CatalogueDocument(String id, String developerId, String name,
                                String summary, String description, Category category, List<String> tags,
                                ProgramStatus status, String currentVersion, List<Permission> permissions,
                                long installCount, double ratingAverage, long ratingCount,
                                List<Long> ratingHistogram, Instant createdAt, Instant updatedAt,
                                Instant releasedAt, MiniProgramView program) {

    static final List<Long> NO_RATINGS = List.of(0L, 0L, 0L, 0L, 0L);

    static CatalogueDocument of(MiniProgramView program, Instant releasedAt, long installCount,
                                List<Long> ratingHistogram) {
        List<Permission> permissions = program.versions().stream()
                .filter(v -> v.number().equals(program.currentVersion()))
                .findFirst().map(VersionView::permissions).orElse(List.of());
        long count = ratingHistogram.stream().mapToLong(Long::longValue).sum();
        double sum = 0;
        for (int stars = 1; stars <= 5; stars++) {
            sum += stars * ratingHistogram.get(stars - 1);
        }
        return new CatalogueDocument(program.id(), program.developerId(), program.name(),
                                     program.summary(), program.description(), program.category(), program.tags(),
                                     program.status(), program.currentVersion(), permissions, installCount,
                                     count == 0 ? 0 : sum / count, count, ratingHistogram, program.createdAt(),
                                     program.updatedAt(), releasedAt, program);
    }

    CatalogueDocument withProgram(MiniProgramView changed, Instant released) {
        return of(changed, released, installCount, ratingHistogram);
    }
}
