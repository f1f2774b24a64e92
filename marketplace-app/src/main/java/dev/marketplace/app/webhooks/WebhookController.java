package dev.marketplace.app.webhooks;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.shared.Viewer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.util.IdGenerator;

/**
 * A developer's webhook endpoints (DEVELOPER): create (the signing secret is in this answer only), list, delete,
 * and the deliveries of one. Someone else's endpoint is answered as missing. At most {@value #MAX_PER_OWNER} each.
 */
@Controller
class WebhookController {

    static final int MAX_PER_OWNER = 10;
    static final int MAX_DELIVERIES = 100;

    private final Webhooks webhooks;
    private final WebhookUrls urls;
    private final IdGenerator ids;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    WebhookController(Webhooks webhooks, WebhookUrls urls, IdGenerator ids) {
        this.webhooks = webhooks;
        this.urls = urls;
        this.ids = ids;
    }

    @MutationMapping
    CreatedWebhook createWebhook(@Argument CreateWebhookInput input) {
        Actor developer = developer();
        String url = urls.check("input.url", input.url()).toString();
        if (input.events() == null || input.events().isEmpty()) {
            throw RuleViolation.invalid("input.events", "name at least one event");
        }
        if (webhooks.ownedBy(developer.userId()).size() >= MAX_PER_OWNER) {
            throw RuleViolation.invalidTransition("add a webhook", "you have " + MAX_PER_OWNER
                                                                  + "; delete one first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String encoded = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Webhook webhook = new Webhook(ids.generateId().toString(), developer.userId(), url,
                                      EnumSet.copyOf(input.events()),
                                      clock.instant().truncatedTo(ChronoUnit.MILLIS));
        webhooks.create(webhook, encoded);
        return new CreatedWebhook(encoded, webhook);
    }

    @QueryMapping
    List<Webhook> webhooks() {
        return webhooks.ownedBy(developer().userId());
    }

    @MutationMapping
    Webhook deleteWebhook(@Argument String id) {
        Webhook webhook = own(developer(), id);
        webhooks.delete(id, clock.instant());
        return webhook;
    }

    @QueryMapping
    List<WebhookDelivery> webhookDeliveries(@Argument String webhookId, @Argument int first) {
        Webhook webhook = own(developer(), webhookId);
        if (first < 1 || first > MAX_DELIVERIES) {
            throw RuleViolation.invalid("first", "must be between 1 and " + MAX_DELIVERIES + ", not " + first);
        }
        return webhooks.deliveries(webhook.id(), first);
    }

    private static Actor developer() {
        Actor actor = Viewer.required();
        actor.require(Role.DEVELOPER);
        return actor;
    }

    private Webhook own(Actor actor, String id) {
        return webhooks.find(id).filter(w -> w.ownerId().equals(actor.userId()) || actor.isAdmin())
                       .orElseThrow(() -> new RuleViolation(RuleCode.WEBHOOK_NOT_FOUND,
                                                            "No webhook with id " + id + "."));
    }
}
