package dev.marketplace.query.program;

import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.query.shared.Viewer;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Version.conversation}, read from the program's own event stream: complete and never behind a projection,
 * and only asked for on the review and developer pages. Only the program's developer and reviewers see it.
 */
@Controller
record ReviewConversation(EventStore events) {

    @SchemaMapping(typeName = "Version")
    List<ConversationMessage> conversation(VersionView version) {
        // From sequence 0, not readEvents(id): that would start at a snapshot and skip the earlier messages.
        DomainEventStream stream = events.readEvents(version.miniProgramId(), 0);
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof MiniProgramRegisteredEvent registered)
                || !Viewer.isOwnerOrReviewer(registered.developerId())) {
            return null;
        }
        List<ConversationMessage> messages = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof InformationRequestedEvent asked
                && asked.version().equals(version.number())) {
                messages.add(new ConversationMessage(asked.reviewerId(), ConversationMessage.Role.REVIEWER,
                                                     asked.text(), event.getTimestamp()));
            } else if (event.getPayload() instanceof ReviewAnsweredEvent answer
                       && answer.version().equals(version.number())) {
                messages.add(new ConversationMessage(answer.developerId(), ConversationMessage.Role.DEVELOPER,
                                                     answer.text(), event.getTimestamp()));
            }
        }
        return messages;
    }
}
