package dev.marketplace.app.packages;

import dev.marketplace.query.shared.PostgresIndexMigration;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL find the names that start with, or end with, a given part through an index ({@link
 * ConfusableNames}), instead of reading every live name for each package check. The pattern operator classes order
 * by byte whatever the database's collation, which is what a range from a part to its successor needs. H2, the
 * embedded default, reads the names as before. Each registered name costs two more index entries.
 */
@Component
class ConfusableNameIndexes extends PostgresIndexMigration {

    ConfusableNameIndexes() {
        super(38, "program name prefix and suffix indexes",
              "create index if not exists program_name_key_prefix on program_name (name_key varchar_pattern_ops)",
              "create index if not exists program_name_key_suffix on program_name "
              + "(reverse(name_key) text_pattern_ops)");
    }
}
