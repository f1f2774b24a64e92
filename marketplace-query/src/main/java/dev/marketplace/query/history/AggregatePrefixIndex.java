package dev.marketplace.query.history;

import dev.marketplace.query.shared.PostgresIndexMigration;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL find the events of every installation or rating of one program ({@code aggregate_identifier
 * like 'install:<program>:%'}, {@link PopularityAsOf}) through an index. The event store's own index on the
 * aggregate id serves such a prefix only in the "C" collation; {@code varchar_pattern_ops} serves it in any. H2
 * turns a constant prefix into a range on the existing index by itself, so there is nothing to do there (and H2
 * knows no operator classes). The index costs every append one more index entry.
 */
@Component
class AggregatePrefixIndex extends PostgresIndexMigration {

    AggregatePrefixIndex() {
        super(13, "aggregate id prefix index",
              "create index if not exists domain_event_entry_aggregate_prefix on domain_event_entry "
              + "(aggregate_identifier varchar_pattern_ops)");
    }
}
