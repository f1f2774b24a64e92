package dev.marketplace.command.graphql;

import dev.marketplace.api.program.AnswerReviewCommand;
import dev.marketplace.api.program.ApproveVersionCommand;
import dev.marketplace.api.program.RequestInformationCommand;
import dev.marketplace.api.program.ClaimReviewCommand;
import dev.marketplace.api.program.DelistMiniProgramCommand;
import dev.marketplace.api.program.ReinstateMiniProgramCommand;
import dev.marketplace.api.program.RejectVersionCommand;
import dev.marketplace.api.program.RollbackReleaseCommand;
import dev.marketplace.api.program.SuspendMiniProgramCommand;
import dev.marketplace.api.program.UpdateListingCommand;
import dev.marketplace.api.program.WithdrawVersionCommand;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.RegisterMiniProgramCommand;
import dev.marketplace.api.program.ReleaseVersionCommand;
import dev.marketplace.api.program.SubmitVersionCommand;
import dev.marketplace.api.program.VersionId;
import dev.marketplace.api.program.VersionView;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.IdGenerator;

/**
 * Translates the mini-program mutations into commands; the aggregate's answer is the response. Anonymous callers
 * are turned away here; every other rule is the aggregate's.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ProgramMutations {

    private final CommandGateway commands;
    private final IdGenerator ids;

    ProgramMutations(CommandGateway commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @MutationMapping
    CompletableFuture<MiniProgramView> registerMiniProgram(@Argument RegisterMiniProgramInput input) {
        return commands.send(new RegisterMiniProgramCommand(ids.generateId().toString(), input.name(),
                                                            input.summary(), input.description(), input.category(),
                                                            input.tags(), input.iconUrl(), input.defaultLocale(),
                                                            input.translations(), input.iconDigest(),
                                                            input.screenshotDigests()));
    }

    @MutationMapping
    CompletableFuture<VersionView> submitVersion(@Argument SubmitVersionInput input) {
        return commands.send(new SubmitVersionCommand(Ids.program("input.miniProgramId", input.miniProgramId()),
                                                      input.version(), input.changelog(), input.permissions(),
                                                      input.privacyUses(), input.packageDigest(),
                                                      input.packageSize()));
    }

    @MutationMapping
    CompletableFuture<VersionView> approveVersion(@Argument String versionId, @Argument String comment,
                                                  @Argument Boolean overrideChecks) {
        VersionId id = Ids.version("versionId", versionId);
        return commands.send(new ApproveVersionCommand(id.programId(), id.number(), comment,
                                                       Boolean.TRUE.equals(overrideChecks)));
    }

    @MutationMapping
    CompletableFuture<VersionView> releaseVersion(@Argument String versionId, @Argument Integer percentage) {
        VersionId id = Ids.version("versionId", versionId);
        return commands.send(new ReleaseVersionCommand(id.programId(), id.number(),
                                                       percentage == null ? 100 : percentage));
    }

    @MutationMapping
    CompletableFuture<MiniProgramView> updateListing(@Argument UpdateListingInput input) {
        return commands.send(new UpdateListingCommand(Ids.program("input.miniProgramId", input.miniProgramId()),
                                                      input.name(), input.summary(), input.description(),
                                                      input.category(), input.tags(), input.iconUrl(),
                                                      input.defaultLocale(), input.translations(),
                                                      input.iconDigest(), input.screenshotDigests()));
    }

    @MutationMapping
    CompletableFuture<VersionView> withdrawVersion(@Argument String versionId) {
        VersionId id = Ids.version("versionId", versionId);
        return commands.send(new WithdrawVersionCommand(id.programId(), id.number()));
    }

    @MutationMapping
    CompletableFuture<VersionView> claimReview(@Argument String versionId) {
        VersionId id = Ids.version("versionId", versionId);
        return commands.send(new ClaimReviewCommand(id.programId(), id.number()));
    }

    @MutationMapping
    CompletableFuture<VersionView> requestInformation(@Argument String versionId, @Argument String text) {
        VersionId id = Ids.version("versionId", versionId);
        return commands.send(new RequestInformationCommand(id.programId(), id.number(), text));
    }

    @MutationMapping
    CompletableFuture<VersionView> answerReview(@Argument String versionId, @Argument String text) {
        VersionId id = Ids.version("versionId", versionId);
        return commands.send(new AnswerReviewCommand(id.programId(), id.number(), text));
    }

    @MutationMapping
    CompletableFuture<VersionView> rejectVersion(@Argument RejectVersionInput input) {
        VersionId id = Ids.version("input.versionId", input.versionId());
        return commands.send(new RejectVersionCommand(id.programId(), id.number(), input.reasons(), input.comment()));
    }

    @MutationMapping
    CompletableFuture<MiniProgramView> rollbackRelease(@Argument String miniProgramId, @Argument String toVersionId) {
        VersionId to = Ids.version("toVersionId", toVersionId);
        if (!to.programId().equals(miniProgramId)) {
            throw RuleViolation.invalid("toVersionId", "names a version of another mini-program");
        }
        return commands.send(new RollbackReleaseCommand(to.programId(), to.number()));
    }

    @MutationMapping
    CompletableFuture<MiniProgramView> suspendMiniProgram(@Argument String id, @Argument String reason) {
        return commands.send(new SuspendMiniProgramCommand(Ids.program("id", id), reason));
    }

    @MutationMapping
    CompletableFuture<MiniProgramView> reinstateMiniProgram(@Argument String id) {
        return commands.send(new ReinstateMiniProgramCommand(Ids.program("id", id)));
    }

    @MutationMapping
    CompletableFuture<MiniProgramView> delistMiniProgram(@Argument String id) {
        return commands.send(new DelistMiniProgramCommand(Ids.program("id", id)));
    }
}
