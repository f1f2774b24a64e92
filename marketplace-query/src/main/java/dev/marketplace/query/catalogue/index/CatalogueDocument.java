package dev.marketplace.query.catalogue.index;

import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ChecksStatus;
import dev.marketplace.api.program.ListingTranslation;
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
 * At most one version of a program is in review at a time, so the review queue is a query on this index too (with
 * the permissions that version asks for and where its package checks stand, to filter on).
 * Translations are indexed beside the default text, so a search in any language finds the listing.
 * The developer's display name, website and verified badge are copied in, so a page of hits shows them without a
 * lookup.
 */
public record CatalogueDocument(String id, String developerId, String name, String summary, String description,
                                Category category, List<String> tags, ProgramStatus status, String currentVersion,
                                List<Permission> permissions, long installCount, double ratingAverage,
                                long ratingCount, List<Long> ratingHistogram, double ratingBayesian,
                                Instant createdAt, Instant updatedAt, Instant releasedAt, String inReviewVersion,
                                Instant inReviewSince, String inReviewClaimedBy, Boolean inReviewEscalated,
                                List<Permission> inReviewPermissions, ChecksStatus inReviewChecks,
                                MiniProgramView program, long programSequence, String developerName,
                                String developerWebsite, boolean developerVerified, String defaultLocale,
                                List<ListingTranslation> translations) {

    /**
     * The document of a program as of its aggregate's event {@code programSequence}, with the given figures. The
     * sequence says which of the program's own events are in it; installs and ratings are figures computed from
     * rows, so they need no such mark.
     */
    public static CatalogueDocument of(MiniProgramView program, long programSequence, Instant releasedAt,
                                Popularity popularity, DeveloperView developer) {
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
                                     inReview.map(VersionView::escalated).orElse(null),
                                     inReview.map(VersionView::permissions).orElse(null),
                                     inReview.map(v -> v.checks() == null ? ChecksStatus.PENDING : v.checks().status())
                                             .orElse(null),
                                     program, programSequence,
                                     developer.displayName(), developer.website(), developer.verified(),
                                     program.defaultLocale(), program.translations());
    }

    public CatalogueDocument withProgram(MiniProgramView changed, long sequence, Instant released) {
        return of(changed, sequence, released, Popularity.of(this), developer());
    }

    public CatalogueDocument withPopularity(Popularity popularity) {
        return of(program, programSequence, releasedAt, popularity, developer());
    }

    /** The same program shown under its developer's changed name or badge. */
    public CatalogueDocument withDeveloper(DeveloperView developer) {
        return of(program, programSequence, releasedAt, Popularity.of(this), developer);
    }

    /** The name a reader of {@code locale} sees: its translation when there is one, else the default name. */
    public String nameIn(String locale) {
        return translations == null ? name : translations.stream().filter(t -> t.locale().equals(locale))
                .findFirst().map(ListingTranslation::name).orElse(name);
    }

    /** The developer as this document shows them; the contact address, shown to few, is not copied in. */
    public DeveloperView developer() {
        return new DeveloperView(developerId, developerName, developerWebsite, null, developerVerified);
    }
}
