package dev.marketplace.command.graphql;

import dev.marketplace.api.report.AbuseReportId;
import dev.marketplace.api.report.AbuseReportView;
import dev.marketplace.api.report.ReportAction;
import dev.marketplace.api.report.ReportMiniProgramCommand;
import dev.marketplace.api.report.ResolveAbuseReportCommand;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Translates the abuse report mutations into commands. A report's id is made here from the principal, so a user
 * has one report per program; ids that reviewers send back are checked for shape before any command is sent.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ReportMutations {

    private final CommandGateway commands;

    ReportMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    CompletableFuture<AbuseReportView> reportMiniProgram(@Argument ReportInput input, Principal principal) {
        String programId = Ids.program("input.miniProgramId", input.miniProgramId());
        String reportId = new AbuseReportId(programId, principal.getName()).value();
        return commands.send(new ReportMiniProgramCommand(reportId, programId, input.reason(), input.text()));
    }

    @MutationMapping
    CompletableFuture<AbuseReportView> resolveAbuseReport(@Argument String id, @Argument ReportAction action,
                                                          @Argument String comment) {
        return commands.send(new ResolveAbuseReportCommand(report("id", id), action, comment));
    }

    private static String report(String argument, String value) {
        return Ids.perUserAndProgram(argument, value, AbuseReportId.FORM);
    }
}
