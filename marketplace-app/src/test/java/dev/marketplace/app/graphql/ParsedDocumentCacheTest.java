package dev.marketplace.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParsedDocumentCacheTest {

    final ParsedDocumentCache cache = new ParsedDocumentCache();
    final AtomicInteger parsed = new AtomicInteger();
    final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void aDocumentSentAgainIsParsedOnceWhateverItsVariables() {
        PreparsedDocumentEntry first = cache.getDocumentAsync(input("{ a }", 1), parse).join();
        PreparsedDocumentEntry second = cache.getDocumentAsync(input("{ a }", 2), parse).join();
        cache.getDocumentAsync(input("{ b }", 1), parse).join();

        assertThat(second).isSameAs(first);
        assertThat(parsed).hasValue(2);
    }

    @Test
    void longDocumentsAreNotKeptAndTheCacheStaysBounded() {
        String longDocument = "{ a" + " ".repeat(ParsedDocumentCache.MAX_CACHED_LENGTH) + "}";
        cache.getDocumentAsync(input(longDocument, 1), parse).join();
        cache.getDocumentAsync(input(longDocument, 1), parse).join();
        assertThat(parsed).hasValue(2);

        for (int i = 0; i < ParsedDocumentCache.MAX_ENTRIES + 20; i++) {
            cache.getDocumentAsync(input("{ f" + i + " }", 1), parse).join();
        }
        assertThat(cache.size()).isEqualTo(ParsedDocumentCache.MAX_ENTRIES);
    }

    private static ExecutionInput input(String query, int variable) {
        return ExecutionInput.newExecutionInput(query).variables(java.util.Map.of("v", variable)).build();
    }
}
