package dev.marketplace.app.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Scalars written as ISO-8601 text: read from a string (a variable or a literal), written with {@code toString()}.
 * A value that does not parse is refused with a sentence naming it and an example.
 */
final class IsoScalars {

    private IsoScalars() {
    }

    /**
     * A scalar of {@code type}; {@code what} names the form in refusals ("an ISO-8601 date like"), {@code example}
     * shows one.
     */
    static <T> GraphQLScalarType of(String name, String description, Class<T> type, Function<String, T> parser,
                                    String what, String example) {
        String expected = name + " must be a string like " + example;
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return value.toString();
                }
                throw new CoercingSerializeException("Not a " + name + ": " + value);
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String text) {
                    return parse(text, CoercingParseValueException::new);
                }
                throw new CoercingParseValueException(expected);
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                  Locale locale) {
                if (input instanceof StringValue text) {
                    return parse(text.getValue(), CoercingParseLiteralException::new);
                }
                throw new CoercingParseLiteralException(expected);
            }

            private <E extends RuntimeException> T parse(String text, Function<String, E> failure) {
                try {
                    return parser.apply(text);
                } catch (DateTimeParseException e) {
                    throw failure.apply("'" + text + "' is not " + what + " " + example);
                }
            }
        }).build();
    }
}
