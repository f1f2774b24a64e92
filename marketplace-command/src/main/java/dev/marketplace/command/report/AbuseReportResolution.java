package dev.marketplace.command.report;

import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.SuspendMiniProgramCommand;
import dev.marketplace.api.report.AbuseReportView;
import dev.marketplace.api.report.ReportAction;
import dev.marketplace.api.report.ResolveAbuseReportCommand;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.command.directory.ProgramDirectory;
import dev.marketplace.command.program.MiniProgram;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Resolves an abuse report. Suspending acts on two aggregates: the program is suspended by its own command handler
 * (so its rules hold: a reviewer, not its owner, a program that can be suspended) and the report is closed, both in
 * this command's unit of work, so either both events are stored or neither is. A program another report already
 * had suspended is left as it is and the report closes as upheld.
 */
@Component
record AbuseReportResolution(Configuration axon, ProgramDirectory directory) {

    @CommandHandler
    AbuseReportView handle(ResolveAbuseReportCommand command, Actor actor) {
        Aggregate<AbuseReport> report = load(command.reportId());
        report.execute(r -> r.requireResolvableBy(actor, command.reportId(), directory));
        if (command.action() == null) {
            throw RuleViolation.invalid("action", "is required (DISMISS or SUSPEND_PROGRAM)");
        }
        String comment = AbuseReport.prose("comment", command.comment(), false);
        String programId = report.invoke(AbuseReport::programId);
        if (command.action() == ReportAction.SUSPEND_PROGRAM && !alreadySuspended(programId)) {
            String reason = comment == null ? "Abuse report " + command.reportId() + " upheld" : comment;
            axon.repository(MiniProgram.class).load(programId)
                .execute(program -> program.handle(new SuspendMiniProgramCommand(programId, reason), actor));
        }
        return report.invoke(r -> r.resolve(command.action(), comment, actor));
    }

    private boolean alreadySuspended(String programId) {
        return directory.find(programId).map(p -> p.status() == ProgramStatus.SUSPENDED).orElse(false);
    }

    private Aggregate<AbuseReport> load(String reportId) {
        try {
            return axon.repository(AbuseReport.class).load(reportId);
        } catch (AggregateNotFoundException missing) {
            throw AbuseReport.notFound(reportId);
        }
    }
}
