package dev.marketplace.api.program;

/** What a version declares it does with the personal data it collects. */
public enum PrivacyDataUse {
    ORDER_FULFILMENT,
    ACCOUNT_MANAGEMENT,
    CUSTOMER_SUPPORT,
    PERSONALISATION,
    ANALYTICS,
    ADVERTISING,
    FRAUD_PREVENTION
}
