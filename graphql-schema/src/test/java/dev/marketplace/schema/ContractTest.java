package dev.marketplace.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Guards the names other clients are written against. Each entry is {@code Type.field(arg, ...)}; removing or
 * renaming one of them is a breaking change and fails here.
 */
class ContractTest {

    static final List<String> BINDING = List.of(
            "Query.catalogue(query,filter,sort,first,after)",
            "Query.miniProgram(id)",
            "Query.suggest(prefix,first)",
            "Query.reviewQueue(first,after)",
            "Query.myMiniPrograms(first,after)",
            "Query.history(miniProgramId,first,after)",
            "Query.miniProgramAsOf(id,at)",
            "Mutation.registerMiniProgram(input)",
            "Mutation.updateListing(input)",
            "Mutation.submitVersion(input)",
            "Mutation.withdrawVersion(versionId)",
            "Mutation.claimReview(versionId)",
            "Mutation.approveVersion(versionId,comment)",
            "Mutation.rejectVersion(input)",
            "Mutation.releaseVersion(versionId,percentage)",
            "Mutation.rollbackRelease(miniProgramId,toVersionId)",
            "Mutation.suspendMiniProgram(id,reason)",
            "Mutation.reinstateMiniProgram(id)",
            "Mutation.delistMiniProgram(id)",
            "Mutation.installMiniProgram(id)",
            "Mutation.uninstallMiniProgram(id)",
            "Mutation.rateMiniProgram(input)",
            "Mutation.replyToRating(ratingId,text)",
            "Mutation.flagRating(ratingId,reason)",
            "Mutation.hideRating(ratingId)",
            "Subscription.versionStatusChanged(miniProgramId)",
            "Query.abuseReports(status,first,after)", "Mutation.reportMiniProgram(input)",
            "Mutation.resolveAbuseReport(id,action,comment)", "Mutation.requestInformation(versionId,text)",
            "Mutation.answerReview(versionId,text)", "Query.cannedResponses(reason)",
            "Mutation.saveCannedResponse(input)", "Mutation.deleteCannedResponse(id)",
            "Mutation.createWebhook(input)", "Query.webhooks()", "Mutation.deleteWebhook(id)",
            "Query.webhookDeliveries(webhookId,first)", "Mutation.createApiKey(input)", "Query.apiKeys()",
            "Mutation.revokeApiKey(id)", "Version.conversation()",
            "MiniProgram.id()", "MiniProgram.name()", "MiniProgram.summary()", "MiniProgram.description()",
            "MiniProgram.category()", "MiniProgram.tags()", "MiniProgram.status()", "MiniProgram.developer()",
            "MiniProgram.currentVersion()", "MiniProgram.versions()", "MiniProgram.installCount()",
            "MiniProgram.rating()", "MiniProgram.createdAt()", "MiniProgram.updatedAt()",
            "Developer.id()",
            "RatingSummary.average()", "RatingSummary.count()", "RatingSummary.histogram()",
            "Version.id()", "Version.number()", "Version.status()", "Version.changelog()",
            "Version.permissions()", "Version.submittedAt()", "Version.review()", "Version.releasePercentage()",
            "Review.reviewer()", "Review.outcome()", "Review.reasons()", "Review.comment()", "Review.decidedAt()",
            // Issue 20 (DESIGN.md: media, languages, statistics, developers).
            "Query.catalogue(locale)", "Query.miniProgram(locale)", "Query.suggest(locale)",
            "Mutation.updateDeveloperProfile(input)", "Mutation.verifyDeveloper(id)", "Mutation.unverifyDeveloper(id)",
            "MiniProgram.icon()", "MiniProgram.screenshots()", "MiniProgram.statistics(from,to)",
            "Image.url()", "Image.width()", "Image.height()",
            "Developer.displayName()", "Developer.website()", "Developer.verified()", "Developer.programs()");

    static GraphQLSchema schema() throws IOException {
        try (InputStream in = ContractTest.class.getResourceAsStream("/graphql/marketplace.graphqls")) {
            TypeDefinitionRegistry types = new SchemaParser().parse(new String(in.readAllBytes(),
                                                                               StandardCharsets.UTF_8));
            return new SchemaGenerator().makeExecutableSchema(types, RuntimeWiring.MOCKED_WIRING);
        }
    }

    static Stream<String> binding() {
        return BINDING.stream();
    }

    @ParameterizedTest
    @MethodSource("binding")
    void keepsBindingName(String entry) throws IOException {
        String type = entry.substring(0, entry.indexOf('.'));
        String field = entry.substring(entry.indexOf('.') + 1, entry.indexOf('('));
        String args = entry.substring(entry.indexOf('(') + 1, entry.length() - 1);

        GraphQLObjectType object = schema().getObjectType(type);
        assertThat(object).as("type %s", type).isNotNull();
        GraphQLFieldDefinition definition = object.getFieldDefinition(field);
        assertThat(definition).as("field %s.%s", type, field).isNotNull();
        for (String arg : args.isEmpty() ? new String[0] : args.split(",")) {
            assertThat(definition.getArgument(arg)).as("argument %s of %s.%s", arg, type, field).isNotNull();
        }
    }

    @Test
    void mutationsDeclareNonNullResults() throws IOException {
        schema().getMutationType().getFieldDefinitions().forEach(field ->
                assertThat(field.getType().toString()).as(field.getName()).endsWith("!"));
    }

    @Test
    void catalogueDefaultsMatchTheContract() throws IOException {
        GraphQLFieldDefinition catalogue = schema().getQueryType().getFieldDefinition("catalogue");
        assertThat(catalogue.getArgument("sort").getArgumentDefaultValue().getValue().toString())
                .contains("RELEVANCE");
        assertThat(catalogue.getArgument("first").getArgumentDefaultValue().getValue().toString()).contains("20");
    }
}
