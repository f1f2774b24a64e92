package dev.marketplace.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's building blocks, on small fakes: fast, and no Elasticsearch needed. */
class LocalElasticsearchSupportTest {

    @TempDir
    Path temp;

    @Test
    void defaultsPointAtTheZipMavenResolved() {
        LocalElasticsearchOptions options = LocalElasticsearchOptions.from(name -> null);

        assertThat(options.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(options.distribution()).isRegularFile().hasFileName("elasticsearch-" + options.version() + ".zip");
        assertThat(options.heap()).isEqualTo("512m");
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.workDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "marketplace-elasticsearch"));
    }

    @Test
    void propertiesOverrideTheDefaults() {
        Map<String, String> properties = Map.of(
                LocalElasticsearchOptions.DISTRIBUTION_PROPERTY, "/opt/es/elasticsearch-8.19.21.zip",
                LocalElasticsearchOptions.HEAP_PROPERTY, "1g",
                LocalElasticsearchOptions.STARTUP_TIMEOUT_PROPERTY, "90",
                LocalElasticsearchOptions.WORK_DIR_PROPERTY, "/var/tmp/es");

        LocalElasticsearchOptions options = LocalElasticsearchOptions.from(properties::get);

        assertThat(options).isEqualTo(new LocalElasticsearchOptions(Path.of("/opt/es/elasticsearch-8.19.21.zip"),
                "8.19.21", "1g", Duration.ofSeconds(90), Path.of("/var/tmp/es")));
        assertThat(options.withDistribution(Path.of("/x/elasticsearch-9.5.3.zip")).version()).isEqualTo("9.5.3");
        assertThat(OptionsResolver.parseDuration("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(OptionsResolver.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(OptionsResolver.parseDuration("PT45S")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> options.withHeap("512m -XX:+Evil")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unpacksOnceWithoutTheTopFolderAndWithReadablePermissions() throws IOException {
        Path zip = zip("es.zip", "elasticsearch-1.2.3/", "elasticsearch-1.2.3/bin/elasticsearch",
                "elasticsearch-1.2.3/config/jvm.options", "elasticsearch-1.2.3/lib/tools/a.jar");
        Path work = temp.resolve("work");

        Path home = Distribution.install(zip, "1.2.3", work);

        assertThat(home).isEqualTo(work.resolve("1.2.3"));
        assertThat(home.resolve(Distribution.MARKER)).isRegularFile();
        assertThat(mode(home.resolve("bin/elasticsearch"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(home.resolve("config/jvm.options"))).isEqualTo("rw-r--r--");
        assertThat(mode(home.resolve("lib/tools"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(home)).isEqualTo("rwxr-xr-x");
        assertThat(home.resolve("config/jvm.options")).hasContent("config/jvm.options");

        Files.writeString(home.resolve("config/jvm.options"), "changed");
        assertThat(Distribution.install(zip, "1.2.3", work)).isEqualTo(home);
        assertThat(home.resolve("config/jvm.options")).hasContent("changed"); // not unpacked again
        try (var siblings = Files.list(work)) {
            assertThat(siblings).extracting(p -> p.getFileName().toString()).containsExactly("1.2.3");
        }
    }

    @Test
    void refusesZipSlip() throws IOException {
        Path zip = zip("evil.zip", "good/file.txt", "../evil.txt");
        Path target = temp.resolve("target");

        assertThatThrownBy(() -> Distribution.unpack(zip, target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("../evil.txt")
                .hasMessageContaining("outside");
        assertThat(temp.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void picksTheFirstJdkThatIsNewEnough() throws IOException {
        Path jvms = temp.resolve("jvm");
        Path jdk17 = fakeJdk(jvms.resolve("a-jdk-17"), "17.0.15");
        Path jdk25 = fakeJdk(jvms.resolve("b-temurin-25"), "25.0.3");
        fakeJdk(jvms.resolve("c-jdk-26"), "26");

        assertThat(JavaHome.find(null, jvms, 21)).isEqualTo(jdk25);
        assertThat(JavaHome.find(jdk17.toString(), jvms, 21)).isEqualTo(jdk25); // too old: ignored
        assertThat(JavaHome.find(jdk17.toString(), jvms, 17)).isEqualTo(jdk17);
        assertThat(JavaHome.minimumFor("9.5.4")).isEqualTo(21);
        assertThat(JavaHome.minimumFor("8.19.21")).isEqualTo(17);
    }

    @Test
    void failsClearlyWithoutASuitableJdk() throws IOException {
        Path jvms = temp.resolve("jvm");
        fakeJdk(jvms.resolve("jdk-17"), "17.0.15");

        assertThatThrownBy(() -> JavaHome.find(null, jvms, 21))
                .isInstanceOf(LocalElasticsearchException.class)
                .hasMessageContaining(jvms.toString())
                .hasMessageContaining("jdk-17 (Java 17)")
                .hasMessageContaining("ES_JAVA_HOME");
    }

    @Test
    void reapsProcessesOfADeadJvmThatBelongToTheFolder() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("nodes/orphan"));
        Process orphan = shellNamingFolder(folder);
        ProcessHandle sleeper = orphan.toHandle().children().findFirst().orElseThrow();
        deadOwner(orphan).writeTo(folder);

        OrphanReaper.reap(folder.getParent());

        assertThat(orphan.isAlive()).isFalse();
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(folder).doesNotExist();
    }

    @Test
    void leavesNodesOfLiveJvmsAndUnrelatedProcessesAlone() throws IOException {
        Path liveFolder = Files.createDirectories(temp.resolve("nodes/live"));
        Path staleFolder = Files.createDirectories(temp.resolve("nodes/stale"));
        Process ownedByUs = shellNamingFolder(liveFolder);
        Process unrelated = new ProcessBuilder("sleep", "300").start(); // e.g. a recycled pid
        try {
            PidFile.ownedByThisJvm(List.of(ownedByUs.pid())).writeTo(liveFolder);
            deadOwner(unrelated).writeTo(staleFolder);

            OrphanReaper.reap(temp.resolve("nodes"));

            assertThat(ownedByUs.isAlive()).isTrue();
            assertThat(liveFolder).isDirectory();
            assertThat(unrelated.isAlive()).isTrue();
            assertThat(staleFolder).doesNotExist();
        } finally {
            ProcessTree.stop(ownedByUs.toHandle(), List.of(), Duration.ofSeconds(5));
            ProcessTree.stop(unrelated.toHandle(), List.of(), Duration.ofSeconds(5));
        }
    }

    /** A shell whose command line names the folder, with a child, like the launcher and its server. */
    private static Process shellNamingFolder(Path folder) throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 300; true", folder.toString()).start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> shell.toHandle().children().findAny().isPresent());
        return shell;
    }

    /** A pid file whose owner is "this pid, but started at the epoch": a JVM that is gone. */
    private static PidFile deadOwner(Process process) {
        return new PidFile(ProcessHandle.current().pid(), Optional.of(Instant.EPOCH), List.of(process.pid()));
    }

    private Path zip(String name, String... entries) throws IOException {
        Path zip = temp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                if (!entry.endsWith("/")) {
                    out.write(entry.replaceFirst("^[^/]*/", "").getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return zip;
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        try (OutputStream out = Files.newOutputStream(java)) {
            out.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
