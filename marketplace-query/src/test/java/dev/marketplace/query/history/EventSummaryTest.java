package dev.marketplace.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.report.AbuseReportResolvedEvent;
import dev.marketplace.api.report.AbuseReportUpdatedEvent;
import dev.marketplace.api.report.MiniProgramReportedEvent;
import dev.marketplace.api.report.ReportAction;
import dev.marketplace.api.report.ReportReason;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

class EventSummaryTest {

    static final String ID = "prog-1";

    @Test
    void everyProgramEventReadsAsASentenceBuiltFromItsPayload() {
        Map<Object, String> sentences = Map.ofEntries(
                Map.entry(new MiniProgramRegisteredEvent(ID, "dev-1", "Walmart Scan and Go", "Scan", null,
                                                         Category.SHOPPING, List.of("retail"), null),
                          "Registered \"Walmart Scan and Go\" in shopping"),
                Map.entry(new ListingUpdatedEvent(ID, "KFC", "Order", null, Category.FOOD_AND_DRINK,
                                                  List.of("chicken", "order-ahead"), null),
                          "Listing updated: \"KFC\" in food and drink, tagged chicken, order-ahead"),
                Map.entry(new VersionSubmittedEvent(ID, "1.2.0", "Faster checkout",
                                                    List.of(Permission.CAMERA, Permission.PHONE_NUMBER),
                                                    List.of(PrivacyDataUse.ANALYTICS), "ab", 10),
                          "Version 1.2.0 submitted for review (asks for camera, phone number): Faster checkout"),
                Map.entry(new VersionWithdrawnEvent(ID, "1.2.0"), "Version 1.2.0 withdrawn from review"),
                Map.entry(new ReviewClaimedEvent(ID, "1.2.0", "rita"), "Review of version 1.2.0 claimed"),
                Map.entry(new ReviewEscalatedEvent(ID, "1.2.0", Instant.EPOCH, Duration.ofHours(48)),
                          "Review of version 1.2.0 escalated: waiting longer than 2 days"),
                Map.entry(new VersionApprovedEvent(ID, "1.2.0", "rita", "Looks good"),
                          "Version 1.2.0 approved: Looks good"),
                Map.entry(new VersionRejectedEvent(ID, "1.2.0", "rita",
                                                   List.of(RejectionReason.CRASHES, RejectionReason.PRIVACY_VIOLATION),
                                                   "Crashes on start"),
                          "Version 1.2.0 rejected (crashes, privacy violation): Crashes on start"),
                Map.entry(new VersionReleasedEvent(ID, "1.2.0", 10), "Released 1.2.0 to 10% of users"),
                Map.entry(new PhasedReleaseExpiredEvent(ID, "1.2.0", 25),
                          "Phased release of 1.2.0 expired at 25% of users; the version is no longer released"),
                Map.entry(new ReleaseRolledBackEvent(ID, "1.3.0", "1.2.0"), "Rolled back from 1.3.0 to 1.2.0"),
                Map.entry(new MiniProgramSuspendedEvent(ID, "rita", "Malware"), "Suspended: Malware"),
                Map.entry(new MiniProgramReinstatedEvent(ID, "rita", ProgramStatus.LIVE), "Reinstated as live"),
                Map.entry(new MiniProgramDelistedEvent(ID), "Delisted"),

                Map.entry(new InformationRequestedEvent(ID, "1.2.0", "rita", "Why the camera?"),
                          "Asked about version 1.2.0: Why the camera?"),
                Map.entry(new ReviewAnsweredEvent(ID, "1.2.0", "dev-1", "To scan barcodes"),
                          "Answered about version 1.2.0: To scan barcodes"),
                Map.entry(new MiniProgramReportedEvent("report:prog-1:u", ID, "u", ReportReason.FRAUD, "Fake bank"),
                          "Reported for fraud: Fake bank"),
                Map.entry(new AbuseReportUpdatedEvent("report:prog-1:u", ID, "u", ReportReason.MALWARE, null),
                          "Report changed to malware"),
                Map.entry(new AbuseReportResolvedEvent("report:prog-1:u", ID, "u", ReportAction.SUSPEND_PROGRAM,
                                                       "Confirmed", "rita"),
                          "Report by u upheld; the program is suspended: Confirmed"),
                Map.entry(new AbuseReportResolvedEvent("report:prog-1:v", ID, "v", ReportAction.DISMISS, null,
                                                       "rita"),
                          "Report by v dismissed"));

        sentences.forEach((event, sentence) -> assertThat(EventSummary.of(event, "X")).isEqualTo(sentence));
    }

    @Test
    void optionalPartsAreLeftOutWhenTheEventHasNone() {
        assertThat(EventSummary.of(new VersionApprovedEvent(ID, "1.0.0", "rita", null), "VersionApproved"))
                .isEqualTo("Version 1.0.0 approved");
        assertThat(EventSummary.of(new VersionApprovedEvent(ID, "1.0.0", "rita", "  "), "VersionApproved"))
                .isEqualTo("Version 1.0.0 approved");
        assertThat(EventSummary.of(new VersionRejectedEvent(ID, "1.0.0", "rita", List.of(), null), "VersionRejected"))
                .isEqualTo("Version 1.0.0 rejected");
        assertThat(EventSummary.of(new VersionSubmittedEvent(ID, "1.0.0", "", List.of(), List.of(), "ab", 1),
                                   "VersionSubmitted"))
                .isEqualTo("Version 1.0.0 submitted for review");
        assertThat(EventSummary.of(new VersionReleasedEvent(ID, "1.0.0", 100), "VersionReleased"))
                .isEqualTo("Released 1.0.0 to all users");
        assertThat(EventSummary.of(new ReviewEscalatedEvent(ID, "1.0.0", Instant.EPOCH, Duration.ofMinutes(90)),
                                   "ReviewEscalated"))
                .endsWith("waiting longer than 90 minutes");
    }

    @Test
    void everyEventTypeOfTheProgramAndReportPackagesHasASentenceOfItsOwn() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        List<Class<?>> types = new ArrayList<>();
        for (String events : List.of("dev.marketplace.api.program", "dev.marketplace.api.report")) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(events)) {
                types.add(Class.forName(candidate.getBeanClassName()));
            }
        }

        assertThat(types).hasSizeGreaterThanOrEqualTo(19);
        for (Class<?> type : types) {
            String sentence = EventSummary.of(sample(type), "Unknown");
            assertThat(sentence).as(type.getSimpleName()).doesNotStartWith("Recorded").isNotBlank();
        }
    }

    @Test
    void aChineseReaderGetsChineseSentencesWithTheSameFactsAndNoActor() {
        java.util.Locale zh = java.util.Locale.forLanguageTag("zh-CN");
        assertThat(EventSummary.of(new VersionRejectedEvent(ID, "1.2.0", "rita",
                                                            List.of(RejectionReason.CRASHES), "Crashes"), "X", zh))
                .isEqualTo("拒绝了版本 1.2.0（程序崩溃）：Crashes");
        assertThat(EventSummary.of(new VersionReleasedEvent(ID, "1.2.0", 20), "X", zh))
                .isEqualTo("向 20% 的用户发布了版本 1.2.0");
        assertThat(EventSummary.of(new VersionReleasedEvent(ID, "1.2.0", 20), "X", java.util.Locale.ENGLISH))
                .isEqualTo("Released 1.2.0 to 20% of users");
        assertThat(EventSummary.of(new SomethingOddEvent(ID), "SomethingOdd", zh)).startsWith("Recorded SomethingOdd");
    }

    @Test
    void everyEventTypeOfTheProgramPackageHasAChineseSentence() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.marketplace.api.program")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            assertThat(ChineseEventSummary.of(sample(type))).as(type.getSimpleName()).isNotBlank()
                    .doesNotContain("null");
        }
    }

    @Test
    void anEventOfAnUnknownKindGetsAPlainSentenceNamingItsType() {
        GenericDomainEventMessage<SomethingOddEvent> event =
                new GenericDomainEventMessage<>("MiniProgram", ID, 3, new SomethingOddEvent(ID));
        String type = EventSummary.typeOf(event);

        assertThat(type).isEqualTo("SomethingOdd");
        assertThat(EventSummary.of(event.getPayload(), type))
                .isEqualTo("Recorded SomethingOdd (no description for this kind of event)");
    }

    @Test
    void theTypeIsTheSimpleClassNameWithoutItsEventSuffix() {
        assertThat(EventSummary.typeOf(new GenericDomainEventMessage<>("MiniProgram", ID, 0,
                                                                       new VersionApprovedEvent(ID, "1.0.0", "r", null))))
                .isEqualTo("VersionApproved");
        assertThat(EventSummary.typeOf(new GenericDomainEventMessage<>("MiniProgram", ID, 0, "text")))
                .isEqualTo("String");
    }

    record SomethingOddEvent(String programId) {
    }

    /** An instance of any event record, with a plausible value for each component. */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> c = components[i].getType();
            parameterTypes[i] = c;
            values[i] = c == String.class ? "text" : c == int.class ? 50 : c == long.class ? 1L
                    : c == List.class ? List.of() : c == Instant.class ? Instant.EPOCH
                    : c == Duration.class ? Duration.ofDays(2) : c.isEnum() ? c.getEnumConstants()[0] : null;
        }
        Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
        return constructor.newInstance(values);
    }
}
