package dev.marketplace.app.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps parsed and validated GraphQL documents by their text. Clients send the same few documents over and over
 * with different variables; parsing and validating them took about a fifth of the GraphQL engine's time in the
 * benchmark's profile. The query limits (depth, complexity, aliases) are checked per execution, so they still
 * apply to a cached document. Bounded: the most recently used {@value #MAX_ENTRIES} documents of at most
 * {@value #MAX_CACHED_LENGTH} characters.
 */
@Configuration
class ParsedDocumentCache implements PreparsedDocumentProvider {

    static final int MAX_ENTRIES = 500;
    static final int MAX_CACHED_LENGTH = 8192;

    private final Map<String, PreparsedDocumentEntry> documents = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

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
        PreparsedDocumentEntry cached;
        synchronized (documents) {
            cached = documents.get(query);
        }
        if (cached == null) {
            cached = parseAndValidate.apply(input);
            synchronized (documents) {
                documents.put(query, cached);
            }
        }
        return CompletableFuture.completedFuture(cached);
    }

    int size() {
        synchronized (documents) {
            return documents.size();
        }
    }
}
