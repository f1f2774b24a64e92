package dev.marketplace.query.program;

import java.time.Instant;

/** One message of a version's review conversation: a reviewer's question or the developer's answer. */
record ConversationMessage(String author, Role role, String text, Instant at) {

    enum Role {
        REVIEWER,
        DEVELOPER
    }
}
