package dev.marketplace.command.report;

import static dev.marketplace.command.fixtures.FixtureMatchers.violates;

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
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import dev.marketplace.command.directory.ProgramDirectory;
import dev.marketplace.command.directory.ProgramEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ReportMiniProgramTest {

    private static final String PROGRAM_ID = "prog-1";
    private static final String DRAFT_ID = "draft-1";
    private static final Actor DEVELOPER = Actor.of("dev-1", Role.DEVELOPER);
    private static final Actor REPORTER = Actor.of("user-1", Role.USER);
    private static final Actor OTHER_USER = Actor.of("user-2", Role.USER);
    private static final String REPORT_ID = new AbuseReportId(PROGRAM_ID, REPORTER.userId()).value();
    private static final Instant REPORTED_AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T18:30:00Z");
    private static final ProgramDirectory PROGRAMS = id -> Optional.ofNullable(Map.of(
            PROGRAM_ID, new ProgramEntry(PROGRAM_ID, DEVELOPER.userId(), ProgramStatus.LIVE),
            DRAFT_ID, new ProgramEntry(DRAFT_ID, DEVELOPER.userId(), ProgramStatus.DRAFT)).get(id));

    private final AggregateTestFixture<AbuseReport> fixture = newFixture();

    private static AggregateTestFixture<AbuseReport> newFixture() {
        AggregateTestFixture<AbuseReport> fixture = new AggregateTestFixture<>(AbuseReport.class);
        fixture.registerInjectableResource(PROGRAMS);
        return fixture;
    }

    @Test
    void aSignedInUserCanReportALiveProgram() {
        fixture.givenNoPriorActivity()
               .andGivenCurrentTime(REPORTED_AT)
               .when(report(ReportReason.FRAUD, "Asks for card numbers"), ActorMetadata.of(REPORTER))
               .expectEvents(reported(ReportReason.FRAUD, "Asks for card numbers"))
               .expectResultMessagePayload(view(ReportReason.FRAUD, "Asks for card numbers", ReportStatus.OPEN,
                                                REPORTED_AT, REPORTED_AT));
    }

    @Test
    void reportingAgainWhileOpenUpdatesTheOneReport() {
        fixture.givenCurrentTime(REPORTED_AT)
               .andGiven(reported(ReportReason.FRAUD, null))
               .andGivenCurrentTime(LATER)
               .when(report(ReportReason.MALWARE, "Downloads a second app"), ActorMetadata.of(REPORTER))
               .expectEvents(new AbuseReportUpdatedEvent(REPORT_ID, PROGRAM_ID, REPORTER.userId(),
                                                         ReportReason.MALWARE, "Downloads a second app"))
               .expectResultMessagePayload(view(ReportReason.MALWARE, "Downloads a second app", ReportStatus.OPEN,
                                                REPORTED_AT, LATER));
    }

    @Test
    void anIdenticalReportStoresNothing() {
        fixture.givenCurrentTime(REPORTED_AT)
               .andGiven(reported(ReportReason.FRAUD, null))
               .when(report(ReportReason.FRAUD, "  "), ActorMetadata.of(REPORTER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void reportingAgainAfterResolutionOpensTheReportAgain() {
        fixture.givenCurrentTime(REPORTED_AT)
               .andGiven(reported(ReportReason.FRAUD, null),
                         new AbuseReportResolvedEvent(REPORT_ID, PROGRAM_ID, REPORTER.userId(), ReportAction.DISMISS,
                                                      "Nothing found", "rev-1"))
               .andGivenCurrentTime(LATER)
               .when(report(ReportReason.FRAUD, null), ActorMetadata.of(REPORTER))
               .expectEvents(reported(ReportReason.FRAUD, null))
               .expectResultMessagePayload(view(ReportReason.FRAUD, null, ReportStatus.OPEN, LATER, LATER));
    }

    @Test
    void otherNeedsAText() {
        fixture.givenNoPriorActivity()
               .when(report(ReportReason.OTHER, " "), ActorMetadata.of(REPORTER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT))
               .expectExceptionMessage("text: is required when the reason is OTHER: say what is wrong");
    }

    @Test
    void aReasonIsRequired() {
        fixture.givenNoPriorActivity()
               .when(report(null, "Bad"), ActorMetadata.of(REPORTER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT))
               .expectExceptionMessage("reason: is required");
    }

    @Test
    void cannotReportOnesOwnProgram() {
        String ownId = new AbuseReportId(PROGRAM_ID, DEVELOPER.userId()).value();
        fixture.givenNoPriorActivity()
               .when(new ReportMiniProgramCommand(ownId, PROGRAM_ID, ReportReason.FRAUD, null),
                     ActorMetadata.of(DEVELOPER))
               .expectNoEvents()
               .expectException(violates(RuleCode.SELF_REPORT));
    }

    @Test
    void cannotReportAsSomeoneElse() {
        fixture.givenNoPriorActivity()
               .when(report(ReportReason.FRAUD, null), ActorMetadata.of(OTHER_USER))
               .expectNoEvents()
               .expectException(violates(RuleCode.NOT_OWNER));
    }

    @Test
    void aProgramNobodyCanSeeIsNotFound() {
        String draftReport = new AbuseReportId(DRAFT_ID, REPORTER.userId()).value();
        fixture.givenNoPriorActivity()
               .when(new ReportMiniProgramCommand(draftReport, DRAFT_ID, ReportReason.FRAUD, null),
                     ActorMetadata.of(REPORTER))
               .expectNoEvents()
               .expectException(violates(RuleCode.PROGRAM_NOT_FOUND));
    }

    @Test
    void textLongerThanTheLimitIsRefused() {
        fixture.givenNoPriorActivity()
               .when(report(ReportReason.FRAUD, "x".repeat(AbuseReport.TEXT_MAX + 1)), ActorMetadata.of(REPORTER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT));
    }

    private static ReportMiniProgramCommand report(ReportReason reason, String text) {
        return new ReportMiniProgramCommand(REPORT_ID, PROGRAM_ID, reason, text);
    }

    private static MiniProgramReportedEvent reported(ReportReason reason, String text) {
        return new MiniProgramReportedEvent(REPORT_ID, PROGRAM_ID, REPORTER.userId(), reason, text);
    }

    private static AbuseReportView view(ReportReason reason, String text, ReportStatus status, Instant reportedAt,
                                        Instant updatedAt) {
        return new AbuseReportView(REPORT_ID, PROGRAM_ID, REPORTER.userId(), reason, text, status, null, null,
                                   reportedAt, updatedAt, null, 0);
    }
}
