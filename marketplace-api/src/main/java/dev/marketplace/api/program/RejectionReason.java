package dev.marketplace.api.program;

/** Why a reviewer rejected a version; OTHER needs a comment that explains it. */
public enum RejectionReason {
    CRASHES,
    BROKEN_FUNCTIONALITY,
    MISLEADING_LISTING,
    PRIVACY_VIOLATION,
    PROHIBITED_CONTENT,
    PERMISSIONS_NOT_JUSTIFIED,
    INTELLECTUAL_PROPERTY,
    OTHER
}
