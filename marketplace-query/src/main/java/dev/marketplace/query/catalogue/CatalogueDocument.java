package dev.marketplace.query.catalogue;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One program in the catalogue index: the program as clients see it ({@code program}, stored but not indexed) and
 * the fields that search, facets, sorting and the review queue work on, all derived from it and its popularity.
 * At most one version of a program is in review at a time, so the review queue is a query on this index too.
 */
public record CatalogueDocument(String id, String developerId, String name, String summary, String description,
                                Category category, List<String> tags, ProgramStatus status, String currentVersion,
                                List<Permission> permissions, long installCount, double ratingAverage,
                                long ratingCount, List<Long> ratingHistogram, double ratingBayesian,
                                Instant createdAt, Instant updatedAt, Instant releasedAt, String inReviewVersion,
                                Instant inReviewSince, String inReviewClaimedBy, Boolean inReviewEscalated,
                                MiniProgramView program) {

    static CatalogueDocument of(MiniProgramView program, Instant releasedAt, Popularity popularity) {
        List<Permission> permissions = program.versions().stream()
                .filter(v -> v.number().equals(program.currentVersion()))
                .findFirst().map(VersionView::permissions).orElse(List.of());
        Optional<VersionView> inReview = program.versions().stream()
                .filter(v -> v.status() == VersionStatus.IN_REVIEW && program.status() != ProgramStatus.DELISTED)
                .findFirst();
        return new CatalogueDocument(program.id(), program.developerId(), program.name(), program.summary(),
                                     program.description(), program.category(), program.tags(), program.status(),
                                     program.currentVersion(), permissions, popularity.installCount(),
                                     popularity.ratingAverage(), popularity.ratingCount(),
                                     popularity.ratingHistogram(), popularity.ratingBayesian(),
                                     program.createdAt(), program.updatedAt(), releasedAt,
                                     inReview.map(VersionView::number).orElse(null),
                                     inReview.map(VersionView::submittedAt).orElse(null),
                                     inReview.map(v -> v.review() == null ? null : v.review().reviewer()).orElse(null),
                                     inReview.map(VersionView::escalated).orElse(null), program);
    }

    CatalogueDocument withProgram(MiniProgramView changed, Instant released) {
        return of(changed, released, Popularity.of(this));
    }

    CatalogueDocument withPopularity(Popularity popularity) {
        return of(program, releasedAt, popularity);
    }
}
