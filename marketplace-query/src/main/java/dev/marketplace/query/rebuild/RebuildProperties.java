package dev.marketplace.query.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a catalogue rebuild is run.
 *
 * @param pollInterval how often each node looks at the rebuild's row (to take part, to switch, to clean up)
 * @param grace        how long the old index is kept after the switch, for searches still paging through it
 */
@ConfigurationProperties("marketplace.catalogue.rebuild")
public record RebuildProperties(@DefaultValue("500ms") Duration pollInterval,
                                @DefaultValue("10m") Duration grace) {
}
