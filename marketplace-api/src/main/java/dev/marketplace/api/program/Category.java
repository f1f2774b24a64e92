package dev.marketplace.api.program;

/** The fixed list of catalogue categories a mini-program is listed under. */
public enum Category {
    SHOPPING,
    FOOD_AND_DRINK,
    TRAVEL,
    TRANSPORT,
    FINANCE,
    LIFESTYLE,
    ENTERTAINMENT,
    GAMES,
    EDUCATION,
    HEALTH,
    SOCIAL,
    TOOLS,
    BUSINESS,
    GOVERNMENT
}
