package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/**
 * The reviewer holding a version's review asked its developer a question: the version waits for the answer
 * (INFORMATION_REQUESTED) and its review SLA stops counting; {@code reviewerId} holds the claim from now on.
 */
@Revision("1")
public record InformationRequestedEvent(String programId, String version, String reviewerId, String text)
        implements ProgramEvent {
}
