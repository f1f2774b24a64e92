package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.program.Permission;
import dev.marketplace.app.support.TestPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of malformed package the upload refuses, each named by its code, and the good one accepted. */
class PackageInspectorTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void acceptsAWellFormedPackageAndReadsItsPermissions() throws IOException {
        PackageInspector.Inspection inspection = inspect(TestPackages.good(), PackageLimits.defaults());

        assertThat(inspection.permissions()).containsExactly(Permission.CAMERA);
        assertThat(inspection.entries()).isEqualTo(6);
        assertThat(inspection.manifest().pages()).containsExactly("pages/index/index", "pages/scan/scan");
    }

    @Test
    void acceptsSubpackagesEachUnderTheirLimit() throws IOException {
        TestPackages pkg = TestPackages.empty()
                .text("app.json", """
                        {"pages": ["pages/index/index"],
                         "subpackages": [{"root": "shop", "pages": ["pages/cart/cart"]}]}""")
                .text("pages/index/index.js", "Page({});")
                .text("shop/pages/cart/cart.js", "Page({});")
                .stored("shop/assets/banner.png", TestPackages.random((int) (1.5 * MB), 1))
                .stored("assets/hero.png", TestPackages.random((int) (1.5 * MB), 2));

        assertThat(inspect(pkg, PackageLimits.defaults()).manifest().subpackages()).hasSize(1);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("NOT_A_ZIP", "plain text", null),
                Arguments.of("UNSAFE_PATH", TestPackages.good().text("../../etc/cron.d/evil", "x"),
                             "../../etc/cron.d/evil"),
                Arguments.of("UNSAFE_PATH", TestPackages.good().text("/etc/passwd", "x"), "/etc/passwd"),
                Arguments.of("UNSAFE_PATH", TestPackages.good().text("pages/..\\..\\evil.js", "x"),
                             "pages/..\\..\\evil.js"),
                Arguments.of("UNSAFE_PATH", TestPackages.good().text("C:/Windows/evil.js", "x"), "C:/Windows/evil.js"),
                Arguments.of("LINK", TestPackages.good().symlink("pages/secrets.js", "/etc/shadow"),
                             "pages/secrets.js"),
                Arguments.of("DUPLICATE_ENTRY", TestPackages.good().text("utils/format.js", "other"),
                             "utils/format.js"),
                Arguments.of("TOO_MANY_ENTRIES", manyEntries(2001), null),
                Arguments.of("COMPRESSION_RATIO",
                             TestPackages.good().deflated("data/zeros.bin", new byte[(int) (8 * MB)]),
                             "data/zeros.bin"),
                Arguments.of("MANIFEST_MISSING", TestPackages.good().without("app.json"), "app.json"),
                Arguments.of("INVALID_MANIFEST", TestPackages.good().without("app.json").text("app.json", "{pages: "),
                             "app.json"),
                Arguments.of("INVALID_MANIFEST", TestPackages.good().without("app.json").text("app.json",
                             "{\"pages\": []}"), "app.json"),
                Arguments.of("INVALID_MANIFEST", TestPackages.good().without("app.json").text("app.json",
                             "{\"pages\": [\"pages/index/index\"], \"permission\": {\"TELEPATHY\": {\"desc\": \"x\"}}}"),
                             "app.json"),
                Arguments.of("INVALID_MANIFEST", TestPackages.good().without("app.json").text("app.json",
                             "{\"pages\": [\"pages/index/index\"], \"permission\": {\"CAMERA\": {}}}"), "app.json"),
                Arguments.of("INVALID_MANIFEST", TestPackages.good().without("app.json").text("app.json",
                             "{\"pages\": [\"../outside\"]}"), "app.json"),
                Arguments.of("PAGE_MISSING", TestPackages.good().without("pages/scan/scan.js"),
                             "pages/scan/scan.js"),
                Arguments.of("MAIN_PACKAGE_TOO_LARGE", TestPackages.good().stored("assets/video.bin",
                             TestPackages.random((int) (2 * MB), 3)), null),
                Arguments.of("SUBPACKAGE_TOO_LARGE", TestPackages.empty()
                        .text("app.json", "{\"pages\": [\"p/i\"], \"subpackages\": [{\"root\": \"big\", "
                                          + "\"pages\": [\"q\"]}]}")
                        .text("p/i.js", "Page({});").text("big/q.js", "Page({});")
                        .stored("big/blob.bin", TestPackages.random((int) (2 * MB), 4)), "big"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformed")
    void refusesAMalformedPackageNamingTheProblem(String code, Object pkg, String entry) {
        AbstractThrowableAssert<?, ?> refused = assertThatThrownBy(() -> inspect(pkg, PackageLimits.defaults()))
                .isInstanceOf(PackageRefusal.class)
                .hasFieldOrPropertyWithValue("code", code);
        if (entry != null) {
            refused.hasFieldOrPropertyWithValue("entry", entry);
        }
    }

    /** A bomb's declared sizes are refused before anything is expanded: the limit applies to the sum. */
    @Test
    void refusesEntriesThatTogetherExpandPastTheLimit() {
        PackageLimits small = new PackageLimits(null, null, null, 3 * MB, null, null);
        TestPackages pkg = TestPackages.good().stored("a.bin", TestPackages.random((int) (1.5 * MB), 5))
                                       .stored("b.bin", TestPackages.random((int) (1.6 * MB), 6));

        assertThatThrownBy(() -> inspect(pkg, small)).isInstanceOf(PackageRefusal.class)
                                                      .hasFieldOrPropertyWithValue("code", "UNCOMPRESSED_TOO_LARGE");
    }

    @Test
    void anEntryCountOverTheLimitIsRefusedFromTheEndRecordAlone() throws IOException {
        Path file = write(manyEntries(2001).zip());

        assertThat(CentralDirectoryEnd.of(file).entries()).isEqualTo(2001);
    }

    private static TestPackages manyEntries(int count) {
        TestPackages pkg = TestPackages.good();
        for (int i = pkg.zipEntryCount(); i < count; i++) {
            pkg.text("assets/f" + i + ".txt", "");
        }
        return pkg;
    }

    private PackageInspector.Inspection inspect(Object pkg, PackageLimits limits) throws IOException {
        byte[] bytes = pkg instanceof TestPackages p ? p.zip() : ((String) pkg).getBytes(StandardCharsets.UTF_8);
        return new PackageInspector(limits).inspect(write(bytes), bytes.length);
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(folder, "package", ".zip");
        Files.write(file, bytes);
        return file;
    }
}
