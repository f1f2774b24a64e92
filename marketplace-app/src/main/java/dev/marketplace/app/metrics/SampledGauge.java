package dev.marketplace.app.metrics;

/**
 * A gauge whose value costs a look at the database or at the event processors, so it is read every
 * {@code marketplace.metrics.sample-every} by {@link GaugeSampling} rather than on every scrape or on every event.
 * Each bean of this type is sampled; the catalogue's rebuild progress
 * ({@code marketplace_catalogue_rebuild_processed_events}, which the alert rules already watch) is meant to be one
 * more.
 */
public interface SampledGauge {

    /** Reads the current values and registers them, replacing the previous sample's rows. */
    void sample();
}
