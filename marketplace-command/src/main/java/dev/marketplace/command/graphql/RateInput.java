package dev.marketplace.command.graphql;

record RateInput(String miniProgramId, int stars, String text) {
}
