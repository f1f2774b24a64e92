package dev.marketplace.api.developer;

/** An event about one developer's public profile; read models keyed by developer route and label events by it. */
public interface DeveloperEvent {

    String developerId();
}
