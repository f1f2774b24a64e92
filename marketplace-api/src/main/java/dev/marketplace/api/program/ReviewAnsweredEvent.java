package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/** The developer answered the reviewer's question: the version is back IN_REVIEW and its SLA counts again. */
@Revision("1")
public record ReviewAnsweredEvent(String programId, String version, String developerId, String text)
        implements ProgramEvent {
}
