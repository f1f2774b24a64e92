package dev.marketplace.command.graphql;

record DeveloperProfileInput(String displayName, String website, String contactEmail) {
}
