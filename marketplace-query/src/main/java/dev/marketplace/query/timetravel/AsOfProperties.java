package dev.marketplace.query.timetravel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the catalogue as of a past instant is kept.
 *
 * @param maxIndices    how many as-of indices a node keeps at a time (each holds a whole catalogue)
 * @param keepFor       how long an as-of index unused since is kept for later questions about nearby instants
 * @param answerWithin  how long a question waits for its index to be built before it is answered with the progress
 */
@ConfigurationProperties("marketplace.catalogue.as-of")
public record AsOfProperties(@DefaultValue("3") int maxIndices,
                             @DefaultValue("30m") Duration keepFor,
                             @DefaultValue("2s") Duration answerWithin) {

    public AsOfProperties {
        if (maxIndices < 1) {
            throw new IllegalArgumentException("marketplace.catalogue.as-of.max-indices must be at least 1");
        }
    }
}
