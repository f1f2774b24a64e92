package dev.marketplace.query.shared;

import java.util.concurrent.ThreadFactory;

/** Threads for a node's own background work, named for thread dumps; daemons, so none holds a stopping node up. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
