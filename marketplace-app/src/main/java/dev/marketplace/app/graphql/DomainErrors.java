package dev.marketplace.app.graphql;

import dev.marketplace.api.rules.ErrorKind;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Turns refusals into GraphQL errors a client can act on: {@code extensions.classification} says what kind,
 * {@code extensions.code} names the rule and {@code extensions.field} the input at fault. Unexpected failures
 * are logged here and reach the client without internals.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(DomainErrors.class);

    DomainErrors() {
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
        Throwable ex = unwrap(thrown);
        if (ex instanceof RuleViolation violation) {
            return error(env, type(violation.code().kind()), violation.code().name(), violation.getMessage(),
                         violation.field());
        }
        if (ex instanceof AggregateNotFoundException notFound) {
            return error(env, ErrorType.NOT_FOUND, RuleCode.PROGRAM_NOT_FOUND.name(),
                         "No mini-program with id " + notFound.getAggregateIdentifier() + ".", null);
        }
        if (ex instanceof ConcurrencyException) {
            return error(env, ErrorType.BAD_REQUEST, RuleCode.CONFLICT.name(),
                         "Someone else changed this at the same moment; please try again.", null);
        }
        if (ex instanceof AccessDeniedException) {
            return signedIn()
                    ? error(env, ErrorType.FORBIDDEN, RuleCode.ROLE_REQUIRED.name(), "You may not do this.", null)
                    : error(env, ErrorType.UNAUTHORIZED, RuleCode.UNAUTHENTICATED.name(), "Sign in to do this.",
                            null);
        }
        if (ex instanceof CannotCreateTransactionException || ex instanceof DataAccessResourceFailureException) {
            log.warn("Event store unavailable: {}", ex.getMessage());
            return error(env, ErrorType.INTERNAL_ERROR, "UNAVAILABLE",
                         "The marketplace cannot store changes right now; nothing was saved. Try again shortly.",
                         null);
        }
        if (ex instanceof java.io.UncheckedIOException) {
            log.warn("Catalogue unavailable: {}", ex.getMessage());
            return error(env, ErrorType.INTERNAL_ERROR, "UNAVAILABLE", ex.getMessage(), null);
        }
        log.error("Unexpected failure in {}", env.getField().getName(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, "INTERNAL", "Something went wrong on our side.", null);
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable ex = thrown;
        while ((ex instanceof CompletionException || ex instanceof ExecutionException
                || ex instanceof CommandExecutionException) && ex.getCause() != null) {
            ex = ex.getCause();
        }
        return ex;
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static ErrorType type(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case UNAUTHORIZED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
        };
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String message,
                                      String field) {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
