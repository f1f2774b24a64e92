package dev.marketplace.app.packages;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.catalogue.search.CatalogueReader;
import dev.marketplace.query.shared.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Version.changes}: the version's package file by file against another version's (by default the current
 * released one), for the program's developer and reviewers; null for anyone else. The packages are read from the
 * store into temporary files, never whole into memory.
 */
@Controller
record PackageChangesFields(PackageStore store, CatalogueReader reader) {

    record PackageChanges(VersionView comparedTo, List<PackageDiff.FileChange> files) {
    }

    @SchemaMapping(typeName = "Version")
    PackageChanges changes(VersionView version, @Argument String comparedTo) {
        MiniProgramView program = reader.find(version.miniProgramId()).orElse(null);
        if (program == null || !Viewer.isOwnerOrReviewer(program.developerId())) {
            return null;
        }
        VersionView base = comparedTo == null
                ? program.versions().stream().filter(v -> v.number().equals(program.currentVersion())).findFirst()
                         .orElse(null)
                : program.versions().stream().filter(v -> v.id().equals(comparedTo)).findFirst()
                         .orElseThrow(() -> new RuleViolation(RuleCode.VERSION_NOT_FOUND, "comparedTo",
                                                              "Mini-program " + program.id() + " has no version "
                                                              + comparedTo + "."));
        try {
            Path after = copy(version.packageDigest());
            Path before = base == null ? null : copy(base.packageDigest());
            try {
                return new PackageChanges(base, PackageDiff.between(before, after));
            } finally {
                Files.deleteIfExists(after);
                if (before != null) {
                    Files.deleteIfExists(before);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The packages could not be compared", e);
        }
    }

    private Path copy(String digest) throws IOException {
        return store.copyToTempFile(digest).orElseThrow(() -> new RuleViolation(
                RuleCode.PACKAGE_NOT_FOUND, "The package " + digest + " is not stored."));
    }
}
