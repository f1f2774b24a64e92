package dev.marketplace.query.history;

import dev.marketplace.api.developer.DeveloperProfileUpdatedEvent;
import dev.marketplace.api.developer.DeveloperUnverifiedEvent;
import dev.marketplace.api.developer.DeveloperVerifiedEvent;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.ChecksStatus;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.PackageCheckedEvent;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.api.report.AbuseReportResolvedEvent;
import dev.marketplace.api.report.AbuseReportUpdatedEvent;
import dev.marketplace.api.report.MiniProgramReportedEvent;
import dev.marketplace.api.report.ReportAction;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * What a program or developer event means, in one English sentence built from its payload, and its short type
 * name. The sentence never names who acted: every entry carries its actor beside it, and readers show it once. An event
 * this read side does not know (a newer type, or one whose class is gone) still gets a plain sentence, so the audit
 * trail never has a gap.
 */
final class EventSummary {

    private static final String SUFFIX = "Event";

    private EventSummary() {
    }

    /** The payload's simple class name without the "Event" suffix, e.g. "VersionApproved". */
    static String typeOf(DomainEventMessage<?> event) {
        String name = event.getPayload() instanceof UnknownSerializedType unknown
                ? unknown.serializedType().getName() : event.getPayloadType().getName();
        String simple = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
        return simple.endsWith(SUFFIX) && simple.length() > SUFFIX.length()
                ? simple.substring(0, simple.length() - SUFFIX.length()) : simple;
    }

    /** The sentence in the reader's language: Chinese when asked for, else English. */
    static String of(Object payload, String type, Locale locale) {
        if (locale != null && "zh".equals(locale.getLanguage())) {
            String chinese = ChineseEventSummary.of(payload);
            if (chinese != null) {
                return chinese;
            }
        }
        return of(payload, type);
    }

    /** The sentence for a payload; {@code type} names events this class has no sentence for. */
    static String of(Object payload, String type) {
        if (payload instanceof MiniProgramRegisteredEvent e) {
            return "Registered \"" + e.name() + "\" in " + words(e.category());
        } else if (payload instanceof ListingUpdatedEvent e) {
            return "Listing updated: \"" + e.name() + "\" in " + words(e.category())
                   + (isEmpty(e.tags()) ? "" : ", tagged " + String.join(", ", e.tags()));
        } else if (payload instanceof VersionSubmittedEvent e) {
            return "Version " + e.version() + " submitted for review"
                   + (isEmpty(e.permissions()) ? "" : " (asks for " + words(e.permissions()) + ")")
                   + sentenceTail(e.changelog());
        } else if (payload instanceof VersionWithdrawnEvent e) {
            return "Version " + e.version() + " withdrawn from review";
        } else if (payload instanceof ReviewClaimedEvent e) {
            return "Review of version " + e.version() + " claimed";
        } else if (payload instanceof ReviewEscalatedEvent e) {
            return "Review of version " + e.version() + " escalated: waiting longer than "
                   + (e.sla() == null ? "the review deadline" : words(e.sla()));
        } else if (payload instanceof InformationRequestedEvent e) {
            return "Asked about version " + e.version() + sentenceTail(e.text());
        } else if (payload instanceof ReviewAnsweredEvent e) {
            return "Answered about version " + e.version()
                   + sentenceTail(e.text());
        } else if (payload instanceof VersionApprovedEvent e) {
            return "Version " + e.version() + " approved" + sentenceTail(e.comment());
        } else if (payload instanceof VersionRejectedEvent e) {
            return "Version " + e.version() + " rejected"
                   + (isEmpty(e.reasons()) ? "" : " (" + words(e.reasons()) + ")") + sentenceTail(e.comment());
        } else if (payload instanceof VersionReleasedEvent e) {
            return "Released " + e.version() + " to " + (e.percentage() >= 100 ? "all users"
                    : e.percentage() + "% of users");
        } else if (payload instanceof PhasedReleaseExpiredEvent e) {
            return "Phased release of " + e.version() + " expired at " + e.percentage()
                   + "% of users; the version is no longer released";
        } else if (payload instanceof PackageCheckedEvent e) {
            return "Package of version " + e.version() + " checked: " + words(ChecksStatus.of(e.findings()))
                   + (isEmpty(e.findings()) ? "" : " (" + e.findings().size() + " findings)");
        } else if (payload instanceof ReleaseRolledBackEvent e) {
            return "Rolled back from " + e.fromVersion() + " to " + e.toVersion();
        } else if (payload instanceof MiniProgramSuspendedEvent e) {
            return "Suspended" + sentenceTail(e.reason());
        } else if (payload instanceof MiniProgramReinstatedEvent e) {
            return "Reinstated" + (e.status() == null ? "" : " as " + words(e.status()));
        } else if (payload instanceof RatingHiddenEvent e) {
            return "Rating by " + e.userId() + " (" + e.stars() + " stars) hidden";
        } else if (payload instanceof RatingRestoredEvent e) {
            return "Rating by " + e.userId() + " (" + e.stars() + " stars) restored";
        } else if (payload instanceof MiniProgramReportedEvent e) {
            return "Reported for " + words(e.reason()) + sentenceTail(e.text());
        } else if (payload instanceof AbuseReportUpdatedEvent e) {
            return "Report changed to " + words(e.reason()) + sentenceTail(e.text());
        } else if (payload instanceof AbuseReportResolvedEvent e) {
            return "Report by " + e.reporterId() + (e.action() == ReportAction.SUSPEND_PROGRAM
                    ? " upheld; the program is suspended" : " dismissed") + sentenceTail(e.comment());
        } else if (payload instanceof MiniProgramDelistedEvent) {
            return "Delisted";
        } else if (payload instanceof DeveloperProfileUpdatedEvent e) {
            return "Developer profile of " + e.developerId() + " set to \"" + e.displayName() + "\""
                   + (e.website() == null ? "" : " (" + e.website() + ")");
        } else if (payload instanceof DeveloperVerifiedEvent e) {
            return "Developer " + e.developerId() + " verified as \"" + e.displayName() + "\"";
        } else if (payload instanceof DeveloperUnverifiedEvent e) {
            return "Developer " + e.developerId() + " no longer verified" + sentenceTail(e.reason());
        }
        return "Recorded " + type + " (no description for this kind of event)";
    }

    private static String sentenceTail(String text) {
        return text == null || text.isBlank() ? "" : ": " + text.strip();
    }

    private static boolean isEmpty(Collection<?> values) {
        return values == null || values.isEmpty();
    }

    /** FOOD_AND_DRINK becomes "food and drink". */
    private static String words(Enum<?> value) {
        return value == null ? "unknown" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String words(Collection<? extends Enum<?>> values) {
        return values.stream().map(EventSummary::words).collect(Collectors.joining(", "));
    }

    private static String words(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return plural(duration.toHours(), "hour");
        }
        return plural(Math.max(1, duration.toMinutes()), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
