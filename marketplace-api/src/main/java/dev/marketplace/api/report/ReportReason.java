package dev.marketplace.api.report;

/** Why a user reports a mini-program to the reviewers; OTHER needs a text saying what is wrong. */
public enum ReportReason {
    MALWARE,
    FRAUD,
    ILLEGAL,
    PRIVACY,
    IMPERSONATION,
    OTHER
}
