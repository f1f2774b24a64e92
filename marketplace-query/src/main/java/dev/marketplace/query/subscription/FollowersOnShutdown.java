package dev.marketplace.query.subscription;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends every version subscription when the node shuts down, before the web server's graceful shutdown begins.
 * A server-sent-events subscription is an HTTP request that never finishes on its own, so the graceful shutdown would
 * otherwise wait its whole timeout for it; ended streams let clients reconnect to another node at once.
 */
@Component
public class FollowersOnShutdown implements SmartLifecycle {

    private final QueryUpdateEmitter emitter;
    private volatile boolean running;

    FollowersOnShutdown(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /** Completes every open version subscription on this node. */
    public void completeAll() {
        emitter.complete(FindVersionUpdatesQuery.class, query -> true);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        completeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: lifecycles stop from the highest phase down, and the web server's graceful shutdown is lower. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
