package dev.marketplace.app.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps parsed and validated GraphQL documents by their text. Clients send the same few documents over and over
 * with different variables; parsing and validating them took about a fifth of the GraphQL engine's time in the
 * benchmark's profile. The query limits (depth, complexity, aliases) are checked per execution, so they still
 * apply to a cached document; neither parsing nor graphql-java's validation expands fragments, so a document of
 * fragments that double at each level is parsed, validated and kept in milliseconds and refused by the limits.
 * Bounded (Caffeine): at most {@value #MAX_ENTRIES} documents of at most {@value #MAX_CACHED_LENGTH} characters,
 * the frequently used ones kept.
 */
@Configuration
class ParsedDocumentCache implements PreparsedDocumentProvider {

    static final int MAX_ENTRIES = 500;
    static final int MAX_CACHED_LENGTH = 8192;

    /** Evicts on the calling thread: the bound holds as soon as a document is added. */
    private final Cache<String, PreparsedDocumentEntry> documents =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).executor(Runnable::run).build();

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query == null || query.length() > MAX_CACHED_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        return CompletableFuture.completedFuture(documents.get(query, text -> parseAndValidate.apply(input)));
    }

    int size() {
        documents.cleanUp();
        return (int) documents.estimatedSize();
    }
}
