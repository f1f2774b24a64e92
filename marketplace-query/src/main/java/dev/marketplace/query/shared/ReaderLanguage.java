package dev.marketplace.query.shared;

import dev.marketplace.api.program.ListingLocales;
import dev.marketplace.api.rules.RuleViolation;
import graphql.GraphQLContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The language a reader wants listings in: a query's {@code locale} argument, else the first listing language of
 * the request's {@code Accept-Language} (by preference), else none, which means each listing's default language.
 */
@Component
public class ReaderLanguage implements WebGraphQlInterceptor {

    private static final String KEY = ReaderLanguage.class.getName();

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        fromHeader(request.getHeaders().getFirst("Accept-Language")).ifPresent(locale -> request.configureExecutionInput(
                (input, builder) -> builder.graphQLContext(Map.of(KEY, locale)).build()));
        return chain.next(request);
    }

    /** The argument when given (refused unless a listing language), else the header's choice; null for none. */
    public static String resolve(String argument, GraphQLContext context) {
        if (argument != null) {
            if (!ListingLocales.isSupported(argument)) {
                throw RuleViolation.invalid("locale", "'" + argument + "' is not a listing language; use one of "
                                                      + String.join(", ", ListingLocales.ALL));
            }
            return argument;
        }
        return context.getOrDefault(KEY, null);
    }

    static Optional<String> fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> ListingLocales.of(range.getRange())).flatMap(Optional::stream).findFirst();
        } catch (IllegalArgumentException malformed) {
            // A header nobody can read asks for nothing: the listings' own languages answer.
            return Optional.empty();
        }
    }
}
