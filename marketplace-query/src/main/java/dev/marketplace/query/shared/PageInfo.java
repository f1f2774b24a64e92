package dev.marketplace.query.shared;

/** Where a page of a Relay connection ends, as every connection of the schema reports it. */
public record PageInfo(boolean hasNextPage, String endCursor) {
}
