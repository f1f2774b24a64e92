package dev.marketplace.api.security;

/** The roles a bearer token can carry. ADMIN may do everything the others may. */
public enum Role {
    USER,
    DEVELOPER,
    REVIEWER,
    ADMIN
}
