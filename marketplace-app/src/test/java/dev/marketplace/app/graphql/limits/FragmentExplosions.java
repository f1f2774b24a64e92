package dev.marketplace.app.graphql.limits;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Documents of about a kilobyte that ask for 2<sup>n</sup> fields: each fragment uses the one before twice, and
 * the last is used under a page of one program. Expanded, the 30-level ones would not fit in any heap.
 */
public final class FragmentExplosions {

    private FragmentExplosions() {
    }

    static Stream<Arguments> explosions() {
        return Stream.of(
                Arguments.of("fragments doubling 20 levels", doubling(20, "{ name }", "{ ...F%1$d ...F%1$d }")),
                Arguments.of("fragments doubling 30 levels", thirtyLevels()),
                Arguments.of("inline fragments in doubling fragments", doubling(30, "{ ... on MiniProgram { id } }",
                        "{ ... on MiniProgram { ...F%1$d } ... { ...F%1$d } }")),
                Arguments.of("aliases in doubling fragments", doubling(30, "{ a: name b: id }",
                        "{ ...F%1$d x: __typename ...F%1$d }")),
                Arguments.of("@include and @skip on the doubled uses", doubling(30, "{ name }",
                        "{ ...F%1$d @skip(if: $no) ...F%1$d @include(if: true) }")),
                Arguments.of("every field skipped", doubling(30, "{ name @include(if: $no) }",
                        "{ ...F%1$d ...F%1$d }")),
                // graphql-java's check of introspection queries expands fragments too, but runs after the limits.
                Arguments.of("introspection", doubling(30, "__schema @skip(if: $no) { types { ...F30 } }",
                        "__Type", "{ name }", "{ ...F%1$d ...F%1$d }")));
    }

    /** Fragments doubling 30 levels under a page of one program: 2<sup>30</sup> fields once expanded. */
    public static String thirtyLevels() {
        return doubling(30, "{ name }", "{ ...F%1$d ...F%1$d }");
    }

    /** Fragment {@code F0} with the given body, then each next fragment with the body naming the one before. */
    private static String doubling(int levels, String first, String next) {
        return doubling(levels, "catalogue(first: 1) @skip(if: $no) { edges { node { ...F" + levels + " } } }",
                        "MiniProgram", first, next);
    }

    private static String doubling(int levels, String root, String type, String first, String next) {
        StringBuilder document = new StringBuilder("query Exploding($no: Boolean = false) { " + root + " }\n");
        document.append("fragment F0 on ").append(type).append(' ').append(first).append('\n');
        for (int level = 1; level <= levels; level++) {
            document.append("fragment F").append(level).append(" on ").append(type).append(' ')
                    .append(String.format(next, level - 1)).append('\n');
        }
        return document.toString();
    }
}
