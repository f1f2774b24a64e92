package dev.marketplace.api.rules;

/** How a refused request is classified for clients; the GraphQL layer maps it to its error classification. */
public enum ErrorKind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND
}
