package dev.marketplace.api.rules;

/** Every rule the marketplace enforces, each with the kind of refusal it causes. Codes are part of the API. */
public enum RuleCode {
    INVALID_INPUT(ErrorKind.BAD_REQUEST),
    NAME_TAKEN(ErrorKind.BAD_REQUEST),
    VERSION_NOT_NEWER(ErrorKind.BAD_REQUEST),
    VERSION_IN_REVIEW(ErrorKind.BAD_REQUEST),
    INVALID_TRANSITION(ErrorKind.BAD_REQUEST),
    /** A released version's percentage can only grow: narrowing or repeating a phased release is refused. */
    RELEASE_NOT_WIDER(ErrorKind.BAD_REQUEST),
    NOT_INSTALLED(ErrorKind.BAD_REQUEST),
    NOT_LIVE(ErrorKind.BAD_REQUEST),
    CONFLICT(ErrorKind.BAD_REQUEST),
    /** A version's declared permissions do not cover what its package's manifest asks for. */
    PERMISSIONS_MISMATCH(ErrorKind.BAD_REQUEST),
    /** The version's package checks found a blocking problem; only an ADMIN may approve it, overriding them. */
    CHECKS_FAILED(ErrorKind.BAD_REQUEST),
    /** The version's package checks have not run yet. */
    CHECKS_PENDING(ErrorKind.BAD_REQUEST),
    /** A page cursor this server did not sign for this query: forged, edited, or of another connection. */
    INVALID_CURSOR(ErrorKind.BAD_REQUEST),
    UNAUTHENTICATED(ErrorKind.UNAUTHORIZED),
    ROLE_REQUIRED(ErrorKind.FORBIDDEN),
    NOT_OWNER(ErrorKind.FORBIDDEN),
    SELF_REVIEW(ErrorKind.FORBIDDEN),
    CLAIMED_BY_OTHER(ErrorKind.FORBIDDEN),
    PROGRAM_NOT_FOUND(ErrorKind.NOT_FOUND),
    VERSION_NOT_FOUND(ErrorKind.NOT_FOUND),
    RATING_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** No developer has set a profile under this id. */
    DEVELOPER_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** A version names a package digest its submitter never uploaded (or whose upload was cleaned up). */
    PACKAGE_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** No recorded search of the caller's with that id: never made, someone else's, or past its retention. */
    SEARCH_NOT_FOUND(ErrorKind.NOT_FOUND),
    SELF_FLAG(ErrorKind.FORBIDDEN),
    /** A developer reporting their own mini-program. */
    SELF_REPORT(ErrorKind.FORBIDDEN),
    REPORT_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** A call made with an API key whose scopes do not cover it, or one no API key may make at all. */
    API_KEY_SCOPE(ErrorKind.FORBIDDEN),
    API_KEY_NOT_FOUND(ErrorKind.NOT_FOUND),
    CANNED_RESPONSE_NOT_FOUND(ErrorKind.NOT_FOUND),
    WEBHOOK_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** A catalogue rebuild was asked for while one is running: there is only ever one at a time. */
    REBUILD_RUNNING(ErrorKind.BAD_REQUEST),
    /** Every place for a catalogue as of an instant holds one still being built: ask again when one is done. */
    AS_OF_BUSY(ErrorKind.BAD_REQUEST);

    private final ErrorKind kind;

    RuleCode(ErrorKind kind) {
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
