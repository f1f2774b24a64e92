package dev.marketplace.app.authorization;

import dev.marketplace.app.support.Marketplace;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * One mutation as the matrix exercises it: the state it starts from (given the caller, since some mutations need
 * the caller's own installation), its variables, the event an allowed call stores (null for one that stores none)
 * and what its result then shows. Its document is {@code authorization/<name>}.
 */
record GuardedMutation(String name, String situation, Function<Caller, Scene> given,
                       Function<Scene, Map<String, Object>> variables, Class<?> event, ResultCheck allowed) {

    /** What the result of an allowed call must show. */
    @FunctionalInterface
    interface ResultCheck {
        void verify(GraphQlTester.Response response, Caller caller, Scene scene);
    }

    /** The same mutation started from another state, described for the test name. */
    GuardedMutation on(String otherSituation, Function<Caller, Scene> otherGiven) {
        return new GuardedMutation(name, otherSituation, otherGiven, variables, event, allowed);
    }

    GraphQlTester.Response executeAs(Caller caller, Marketplace marketplace, Scene scene) {
        GraphQlTester.Request<?> request = caller.on(marketplace).documentName("authorization/" + name);
        variables.apply(scene).forEach(request::variable);
        return request.execute();
    }

    @Override
    public String toString() {
        return situation == null ? name : name + " on " + situation;
    }
}
