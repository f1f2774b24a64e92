package dev.marketplace.command.developer;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;

import dev.marketplace.api.developer.DeveloperProfileUpdatedEvent;
import dev.marketplace.api.developer.DeveloperUnverifiedEvent;
import dev.marketplace.api.developer.DeveloperVerifiedEvent;
import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.developer.UnverifyDeveloperCommand;
import dev.marketplace.api.developer.UpdateDeveloperProfileCommand;
import dev.marketplace.api.developer.VerifyDeveloperCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeveloperProfileTest {

    private static final Actor DEVELOPER = Actor.of("dev-1", Role.DEVELOPER);
    private static final Actor ADMIN = Actor.of("admin-1", Role.ADMIN);
    private static final String NAME = "Golden Arches Digital";
    private static final String SITE = "https://arches.example";
    private static final String MAIL = "apps@arches.example";

    private final AggregateTestFixture<Developer> fixture = new AggregateTestFixture<>(Developer.class);

    private static Map<String, Object> by(Actor actor) {
        return ActorMetadata.of(actor);
    }

    private static UpdateDeveloperProfileCommand update(String name, String site, String mail) {
        return new UpdateDeveloperProfileCommand(DEVELOPER.userId(), name, site, mail);
    }

    private static DeveloperProfileUpdatedEvent updated(String name, String site, String mail) {
        return new DeveloperProfileUpdatedEvent(DEVELOPER.userId(), name, site, mail);
    }

    @Test
    void aDeveloperSetsTheirProfile() {
        fixture.givenNoPriorActivity()
               .when(update("  " + NAME + " ", SITE, MAIL), by(DEVELOPER))
               .expectEvents(updated(NAME, SITE, MAIL))
               .expectResultMessagePayload(new DeveloperView(DEVELOPER.userId(), NAME, SITE, MAIL, false));
    }

    @Test
    void anUnchangedProfileStoresNothing() {
        fixture.given(updated(NAME, SITE, MAIL))
               .when(update(NAME, SITE, MAIL), by(DEVELOPER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotEditSomeoneElsesProfile() {
        refused(fixture.givenNoPriorActivity().when(update(NAME, SITE, MAIL), by(Actor.of("dev-2", Role.DEVELOPER))),
                violates(RuleCode.NOT_OWNER));
    }

    @Test
    void aUserWithoutTheDeveloperRoleHasNoProfile() {
        refused(fixture.givenNoPriorActivity().when(update(NAME, SITE, MAIL), by(Actor.of("dev-1", Role.USER))),
                violates(RuleCode.ROLE_REQUIRED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "X|https://a.example|a@b.example|displayName",
            "''|https://a.example|a@b.example|displayName",
            "A name far longer than fifty characters for a profile|https://a.example|a@b.example|displayName",
            "Pаypal|https://a.example|a@b.example|displayName",
            "Good name|http://a.example|a@b.example|website",
            "Good name|https://user:pw@a.example|a@b.example|website",
            "Good name|https://a.example|not-an-address|contactEmail",
            "Good name|https://a.example|a@localhost|contactEmail"})
    void refusesAnInvalidProfileNamingTheField(String name, String site, String mail, String field) {
        refused(fixture.givenNoPriorActivity().when(update(name, site, mail), by(DEVELOPER)),
                violates(RuleCode.INVALID_INPUT, field));
    }

    @Test
    void anAdminVerifiesADeveloperWithAProfile() {
        fixture.given(updated(NAME, SITE, MAIL))
               .when(new VerifyDeveloperCommand(DEVELOPER.userId()), by(ADMIN))
               .expectEvents(new DeveloperVerifiedEvent(DEVELOPER.userId(), ADMIN.userId(), NAME))
               .expectResultMessagePayload(new DeveloperView(DEVELOPER.userId(), NAME, SITE, MAIL, true));
    }

    @Test
    void verifyingTheVerifiedStoresNothing() {
        fixture.given(updated(NAME, SITE, MAIL), new DeveloperVerifiedEvent(DEVELOPER.userId(), "a", NAME))
               .when(new VerifyDeveloperCommand(DEVELOPER.userId()), by(ADMIN))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotVerifyADeveloperWithoutAProfile() {
        refused(fixture.givenNoPriorActivity().when(new VerifyDeveloperCommand("nobody"), by(ADMIN)),
                violates(RuleCode.DEVELOPER_NOT_FOUND).saying("No developer profile with id nobody."));
    }

    @Test
    void onlyAnAdminVerifies() {
        refused(fixture.given(updated(NAME, SITE, MAIL))
                       .when(new VerifyDeveloperCommand(DEVELOPER.userId()), by(Actor.of("r", Role.REVIEWER))),
                violates(RuleCode.ROLE_REQUIRED));
    }

    @Test
    void anAdminCannotVerifyThemself() {
        Actor adminDeveloper = Actor.of(DEVELOPER.userId(), Role.ADMIN);
        refused(fixture.given(updated(NAME, SITE, MAIL))
                       .when(new VerifyDeveloperCommand(DEVELOPER.userId()), by(adminDeveloper)),
                violates(RuleCode.SELF_REVIEW));
    }

    @Test
    void anAdminUnverifies() {
        fixture.given(updated(NAME, SITE, MAIL), new DeveloperVerifiedEvent(DEVELOPER.userId(), "a", NAME))
               .when(new UnverifyDeveloperCommand(DEVELOPER.userId()), by(ADMIN))
               .expectEvents(new DeveloperUnverifiedEvent(DEVELOPER.userId(), ADMIN.userId(), null))
               .expectResultMessagePayload(new DeveloperView(DEVELOPER.userId(), NAME, SITE, MAIL, false));
    }

    @Test
    void changingTheVerifiedNameTakesTheBadgeAway() {
        fixture.given(updated(NAME, SITE, MAIL), new DeveloperVerifiedEvent(DEVELOPER.userId(), "a", NAME))
               .when(update("Golden Arches", SITE, MAIL), by(DEVELOPER))
               .expectEvents(updated("Golden Arches", SITE, MAIL),
                             new DeveloperUnverifiedEvent(DEVELOPER.userId(), null,
                                                          "the verified name or website changed"))
               .expectResultMessagePayload(new DeveloperView(DEVELOPER.userId(), "Golden Arches", SITE, MAIL,
                                                             false));
    }

    @Test
    void changingOnlyTheContactAddressKeepsTheBadge() {
        fixture.given(updated(NAME, SITE, MAIL), new DeveloperVerifiedEvent(DEVELOPER.userId(), "a", NAME))
               .when(update(NAME, SITE, "support@arches.example"), by(DEVELOPER))
               .expectEvents(updated(NAME, SITE, "support@arches.example"))
               .expectResultMessagePayload(new DeveloperView(DEVELOPER.userId(), NAME, SITE,
                                                             "support@arches.example", true));
    }
}
