package dev.marketplace.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.report.AbuseReportId;
import dev.marketplace.api.report.AbuseReportResolvedEvent;
import dev.marketplace.api.report.AbuseReportUpdatedEvent;
import dev.marketplace.api.report.AbuseReportView;
import dev.marketplace.api.report.MiniProgramReportedEvent;
import dev.marketplace.api.report.ReportAction;
import dev.marketplace.api.report.ReportMiniProgramCommand;
import dev.marketplace.api.report.ReportReason;
import dev.marketplace.api.report.ReportStatus;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.command.directory.ProgramDirectory;
import dev.marketplace.command.directory.ProgramEntry;
import dev.marketplace.command.text.HiddenCharacters;
import dev.marketplace.command.text.TextLength;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One user's abuse report on one mini-program. Rules enforced here and nowhere else:
 * <ul>
 *   <li>a signed-in user reports only as themself (the id is the actor's own {@link AbuseReportId}), a live
 *       program they do not own, with a reason; {@code OTHER} needs a text; text at most 2000 characters;</li>
 *   <li>one open report per user and program: reporting again while it is open updates it (an identical report
 *       stores nothing); once resolved, reporting again opens it again;</li>
 *   <li>only reviewers resolve, never on a program they own (four-eyes), and only an open report. Suspending the
 *       program goes through the program's own suspension rule ({@link AbuseReportResolution}).</li>
 * </ul>
 */
@Aggregate
public class AbuseReport {

    static final int TEXT_MAX = 2000;

    @AggregateIdentifier
    private String id;
    private String programId;
    private String reporterId;
    private ReportReason reason;
    private String text;
    private ReportStatus status;
    private String resolutionComment;
    private String resolvedBy;
    private Instant reportedAt;
    private Instant updatedAt;
    private Instant resolvedAt;

    protected AbuseReport() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AbuseReportView handle(ReportMiniProgramCommand command, Actor actor, ProgramDirectory directory) {
        AbuseReportId.FORM.requireOwn(command.reportId(), "miniProgramId", command.programId(), actor,
                                      "You can only report mini-programs as yourself.");
        ProgramEntry program = directory.find(command.programId()).filter(p -> p.status() != ProgramStatus.DRAFT
                                                                               || actor.acts(Role.REVIEWER))
                .orElseThrow(() -> new RuleViolation(RuleCode.PROGRAM_NOT_FOUND,
                                                     "No mini-program with id " + command.programId() + "."));
        if (actor.userId().equals(program.developerId())) {
            throw new RuleViolation(RuleCode.SELF_REPORT, "You cannot report your own mini-program.");
        }
        if (command.reason() == null) {
            throw RuleViolation.invalid("reason", "is required");
        }
        String validText = text(command.reason(), command.text());
        if (id == null || status != ReportStatus.OPEN) {
            apply(new MiniProgramReportedEvent(command.reportId(), command.programId(), actor.userId(),
                                               command.reason(), validText));
        } else if (command.reason() != reason || !Objects.equals(validText, text)) {
            apply(new AbuseReportUpdatedEvent(id, programId, reporterId, command.reason(), validText));
        }
        return toView();
    }

    /** The rules a resolution must pass before anything happens to the program. */
    void requireResolvableBy(Actor actor, String reportId, ProgramDirectory directory) {
        if (id == null) {
            throw notFound(reportId);
        }
        actor.require(Role.REVIEWER);
        String developerId = directory.find(programId).map(ProgramEntry::developerId).orElse(null);
        if (actor.userId().equals(developerId) || actor.userId().equals(reporterId)) {
            throw new RuleViolation(RuleCode.SELF_REVIEW,
                                    "You cannot resolve a report you made or one on a mini-program you own.");
        }
        if (status != ReportStatus.OPEN) {
            throw RuleViolation.invalidTransition("resolve the report", "it is already " + status);
        }
    }

    AbuseReportView resolve(ReportAction action, String comment, Actor actor) {
        apply(new AbuseReportResolvedEvent(id, programId, reporterId, action, comment, actor.userId()));
        return toView();
    }

    String programId() {
        return programId;
    }

    static RuleViolation notFound(String reportId) {
        return new RuleViolation(RuleCode.REPORT_NOT_FOUND, "No abuse report with id " + reportId + ".");
    }

    /** Optional prose, at most {@value #TEXT_MAX} characters; required for {@code field} when {@code required}. */
    static String prose(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw RuleViolation.invalid(field, "is required");
            }
            return null;
        }
        String stripped = value.strip();
        HiddenCharacters.IN_PROSE.refuseIn(field, stripped);
        TextLength.require(field, stripped, 1, TEXT_MAX);
        return stripped;
    }

    private static String text(ReportReason reason, String value) {
        if (reason == ReportReason.OTHER && (value == null || value.isBlank())) {
            throw RuleViolation.invalid("text", "is required when the reason is OTHER: say what is wrong");
        }
        return prose("text", value, false);
    }

    @EventSourcingHandler
    void on(MiniProgramReportedEvent event, @Timestamp Instant at) {
        id = event.reportId();
        programId = event.programId();
        reporterId = event.reporterId();
        reason = event.reason();
        text = event.text();
        status = ReportStatus.OPEN;
        resolutionComment = null;
        resolvedBy = null;
        resolvedAt = null;
        reportedAt = stored(at);
        updatedAt = stored(at);
    }

    @EventSourcingHandler
    void on(AbuseReportUpdatedEvent event, @Timestamp Instant at) {
        reason = event.reason();
        text = event.text();
        updatedAt = stored(at);
    }

    @EventSourcingHandler
    void on(AbuseReportResolvedEvent event, @Timestamp Instant at) {
        status = event.action() == ReportAction.SUSPEND_PROGRAM ? ReportStatus.PROGRAM_SUSPENDED
                                                                 : ReportStatus.DISMISSED;
        resolutionComment = event.comment();
        resolvedBy = event.reviewerId();
        resolvedAt = stored(at);
        updatedAt = stored(at);
    }

    /** An instant as the event store keeps it, so an answer is the same whether just applied or loaded again. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private AbuseReportView toView() {
        return new AbuseReportView(id, programId, reporterId, reason, text, status, resolutionComment, resolvedBy,
                                   reportedAt, updatedAt, resolvedAt, 0);
    }
}
