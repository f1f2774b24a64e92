package dev.marketplace.api.rules;

/** Every rule the marketplace enforces, each with the kind of refusal it causes. Codes are part of the API. */
public enum RuleCode {
    INVALID_INPUT(ErrorKind.BAD_REQUEST),
    NAME_TAKEN(ErrorKind.BAD_REQUEST),
    VERSION_NOT_NEWER(ErrorKind.BAD_REQUEST),
    VERSION_IN_REVIEW(ErrorKind.BAD_REQUEST),
    INVALID_TRANSITION(ErrorKind.BAD_REQUEST),
    NOT_INSTALLED(ErrorKind.BAD_REQUEST),
    NOT_LIVE(ErrorKind.BAD_REQUEST),
    CONFLICT(ErrorKind.BAD_REQUEST),
    UNAUTHENTICATED(ErrorKind.UNAUTHORIZED),
    ROLE_REQUIRED(ErrorKind.FORBIDDEN),
    NOT_OWNER(ErrorKind.FORBIDDEN),
    SELF_REVIEW(ErrorKind.FORBIDDEN),
    CLAIMED_BY_OTHER(ErrorKind.FORBIDDEN),
    PROGRAM_NOT_FOUND(ErrorKind.NOT_FOUND),
    VERSION_NOT_FOUND(ErrorKind.NOT_FOUND),
    RATING_NOT_FOUND(ErrorKind.NOT_FOUND),
    SELF_FLAG(ErrorKind.FORBIDDEN);

    private final ErrorKind kind;

    RuleCode(ErrorKind kind) {
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
