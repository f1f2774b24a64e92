package dev.marketplace.app.authorization;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Who calls a mutation in the matrix. Every program a cell starts from is owned by {@link #OWNER}'s user, and every
 * rating is written by {@link #AUTHOR}'s user, so the callers that share those user ids differ only in their roles:
 * they show that owning or authoring something bars its review (four-eyes) whatever roles one holds.
 */
enum Caller {

    ANONYMOUS(null),
    USER("user-1", Role.USER),
    OWNER("owner", Role.DEVELOPER),
    OTHER_DEVELOPER("other-developer", Role.DEVELOPER),
    REVIEWER("reviewer", Role.REVIEWER),
    ADMIN("admin", Role.ADMIN),
    OWNER_REVIEWER("owner", Role.DEVELOPER, Role.REVIEWER),
    AUTHOR("rating-author", Role.USER),
    AUTHOR_REVIEWER("rating-author", Role.USER, Role.REVIEWER);

    private final String userId;
    private final Role[] roles;

    Caller(String userId, Role... roles) {
        this.userId = userId;
        this.roles = roles;
    }

    String userId() {
        return userId;
    }

    boolean signedIn() {
        return userId != null;
    }

    HttpGraphQlTester on(Marketplace marketplace) {
        return signedIn() ? marketplace.as(userId, roles) : marketplace.anonymous();
    }
}
