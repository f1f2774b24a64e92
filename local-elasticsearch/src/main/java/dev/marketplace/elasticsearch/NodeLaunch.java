package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one node is launched: which cluster it joins, its name, its loopback ports and how it finds the other nodes
 * ({@code discovery}: the same for every node of a cluster), turned into the {@code bin/elasticsearch} command
 * and its environment.
 */
record NodeLaunch(String cluster, String name, int httpPort, int transportPort, List<String> discovery) {

    private static final Logger log = LoggerFactory.getLogger(NodeLaunch.class);

    NodeLaunch {
        discovery = List.copyOf(discovery);
    }

    /** Starts {@code bin/elasticsearch} of {@code home}, with the node's data, logs and console in {@code folder}. */
    Process start(LocalElasticsearchOptions options, Path home, Path javaHome, NodeFolder folder) throws IOException {
        List<String> command = new ArrayList<>();
        if (RunAsNobody.required()) {
            RunAsNobody.checkTraversable(home, folder.root(), javaHome);
            RunAsNobody.handOver(folder.writable());
            command.addAll(RunAsNobody.COMMAND_PREFIX);
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(arguments(folder));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.consoleLog().toFile());
        Map<String, String> env = builder.environment();
        // The launch scripts warn about or ignore these; none of them may leak from this JVM into the server.
        List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "CLI_JAVA_OPTS")
                .forEach(env::remove);
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.put("ES_JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap());
        env.put("ES_PATH_CONF", folder.config().toString());
        env.put("ES_TMPDIR", folder.tmp().toString());
        log.debug("Starting {} with ES_JAVA_HOME={}", command, javaHome);
        try {
            return builder.start();
        } catch (IOException e) {
            String hint = command.get(0).equals("setpriv")
                    ? " (this JVM runs as root, so Elasticsearch is started as nobody through setpriv from util-linux)"
                    : "";
            throw new LocalElasticsearchException("Could not run " + command.get(0) + hint + ": " + e.getMessage(), e);
        }
    }

    private List<String> arguments(NodeFolder folder) {
        List<String> arguments = new ArrayList<>(discovery);
        arguments.addAll(List.of(
                "-Expack.security.enabled=false",
                "-Enetwork.host=127.0.0.1",
                "-Ehttp.port=" + httpPort,
                "-Etransport.port=" + transportPort,
                "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                "-Ecluster.name=" + cluster,
                "-Enode.name=" + name,
                "-Epath.data=" + folder.data(),
                "-Epath.logs=" + folder.logs()));
        return arguments;
    }
}
