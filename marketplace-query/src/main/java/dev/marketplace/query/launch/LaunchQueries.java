package dev.marketplace.query.launch;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.query.catalogue.search.CatalogueReader;
import dev.marketplace.query.program.VersionDisclosure;
import dev.marketplace.query.shared.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Grey release as a host app sees it: which version a user runs, and each live version's share of users. */
@Controller
record LaunchQueries(CatalogueReader reader) {

    /** Where {@code GET /packages/<digest>} serves packages. */
    static final String PACKAGES = "/packages/";

    /**
     * A program that was never live is not found for anyone but its developer and reviewers; a suspended or
     * delisted one, once public, is NOT_LIVE.
     */
    @QueryMapping
    Launch launch(@Argument String miniProgramId) {
        Actor user = Viewer.required();
        MiniProgramView program = reader.find(miniProgramId)
                .filter(p -> p.status() != ProgramStatus.DRAFT || Viewer.isOwnerOrReviewer(user, p.developerId()))
                .orElseThrow(() -> new RuleViolation(RuleCode.PROGRAM_NOT_FOUND,
                                                     "There is no mini-program " + miniProgramId + "."));
        if (program.status() != ProgramStatus.LIVE) {
            throw new RuleViolation(RuleCode.NOT_LIVE, "Mini-program " + miniProgramId + " is " + program.status()
                                    + ", so it cannot be launched.");
        }
        boolean insider = Viewer.isOwnerOrReviewer(user, program.developerId());
        return ReleaseRouting.versionFor(program, user.userId())
                .flatMap(v -> VersionDisclosure.shown(v, insider))
                .map(v -> new Launch(v, PACKAGES + v.packageDigest()))
                .orElseThrow(() -> new RuleViolation(RuleCode.NOT_LIVE, "Mini-program " + miniProgramId
                                                     + " has no released version."));
    }

    @SchemaMapping(typeName = "MiniProgram")
    List<ReleaseRouting.Share> releaseShares(MiniProgramView program) {
        boolean insider = Viewer.isOwnerOrReviewer(program.developerId());
        return ReleaseRouting.shares(program).stream()
                .map(s -> new ReleaseRouting.Share(VersionDisclosure.shown(s.version(), insider).orElseThrow(),
                                                   s.percentage()))
                .toList();
    }
}
