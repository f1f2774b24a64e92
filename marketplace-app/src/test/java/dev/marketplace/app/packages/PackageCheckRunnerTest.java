package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.marketplace.api.program.CheckFinding;
import dev.marketplace.api.program.CheckSeverity;
import dev.marketplace.api.program.Permission;
import dev.marketplace.app.support.TestPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check's finding from a package made to trip it, with its severity, file and line; nothing on a good one. */
class PackageCheckRunnerTest {

    private final PackageCheckRunner checks = new PackageCheckRunner(null, null);

    @TempDir
    Path folder;

    @Test
    void aGoodPackageHasNoFindings() throws IOException {
        assertThat(check(TestPackages.good(), Set.of(Permission.CAMERA))).isEmpty();
    }

    @Test
    void aHostCallWhosePermissionIsNotDeclaredBlocks() throws IOException {
        List<CheckFinding> findings = check(TestPackages.good().text("pages/map/map.js", """
                Page({
                  onLoad() { mp.getLocation({ success: r => this.setData(r) }); }
                });"""), Set.of(Permission.CAMERA));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(CheckSeverity.BLOCKING);
            assertThat(f.code()).isEqualTo("UNDECLARED_PERMISSION");
            assertThat(f.file()).isEqualTo("pages/map/map.js");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("LOCATION");
        });
    }

    @Test
    void aDeclaredPermissionNoCodeNeedsWarns() throws IOException {
        assertThat(check(TestPackages.good(), Set.of(Permission.CAMERA, Permission.CONTACTS)))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(CheckSeverity.WARNING);
                    assertThat(f.code()).isEqualTo("UNUSED_PERMISSION");
                    assertThat(f.message()).contains("CONTACTS");
                });
    }

    @Test
    void cloudKeysAndPrivateKeysBlock() throws IOException {
        List<CheckFinding> findings = check(TestPackages.good()
                .text("utils/config.js", "module.exports = {\n  region: 'cn-north-1',\n"
                                         + "  accessKeyId: 'AKIAIOSFODNN7EXAMPLE'\n};")
                .text("certs/server.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n"),
                Set.of(Permission.CAMERA));

        assertThat(findings).extracting(CheckFinding::code, CheckFinding::file, CheckFinding::line)
                .containsExactly(tuple("SECRET", "utils/config.js", 3),
                                 tuple("SECRET", "certs/server.pem", 1));
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(CheckSeverity.BLOCKING));
    }

    @Test
    void nativeExecutablesBlockWhateverTheirNames() throws IOException {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        byte[] pe = {'M', 'Z', (byte) 0x90, 0, 3, 0};

        assertThat(check(TestPackages.good().stored("images/photo.png", elf).stored("tools/helper.dat", pe),
                         Set.of(Permission.CAMERA)))
                .extracting(CheckFinding::code, CheckFinding::file)
                .containsExactly(tuple("NATIVE_EXECUTABLE", "images/photo.png"),
                                 tuple("NATIVE_EXECUTABLE", "tools/helper.dat"));
    }

    @Test
    void codeBuiltAtRunTimeWarns() throws IOException {
        List<CheckFinding> findings = check(TestPackages.good().text("utils/run.js", """
                const a = 1;
                module.exports = s => eval(s);
                const f = new Function('x', 'return x');"""), Set.of(Permission.CAMERA));

        assertThat(findings).extracting(CheckFinding::code, CheckFinding::line, CheckFinding::severity)
                .containsExactly(tuple("DYNAMIC_CODE", 2, CheckSeverity.WARNING),
                                 tuple("DYNAMIC_CODE", 3, CheckSeverity.WARNING));
    }

    @Test
    void namesOneEditApartAreConfusableOthersNot() {
        assertThat(ConfusableNames.withinOneEdit("harbour ferry tix", "harbour ferry tax")).isTrue();
        assertThat(ConfusableNames.withinOneEdit("starbucks", "starbuck")).isTrue();
        assertThat(ConfusableNames.withinOneEdit("starbuck", "starbucks")).isTrue();
        assertThat(ConfusableNames.withinOneEdit("coffee", "toffees")).isFalse();
        assertThat(ConfusableNames.withinOneEdit("metro", "retro")).isTrue();
        assertThat(ConfusableNames.withinOneEdit("metro tickets", "metro ticket shop")).isFalse();
    }

    private List<CheckFinding> check(TestPackages pkg, Set<Permission> declared) throws IOException {
        Path file = Files.createTempFile(folder, "package", ".zip");
        Files.write(file, pkg.zip());
        return checks.check(file, declared);
    }
}
