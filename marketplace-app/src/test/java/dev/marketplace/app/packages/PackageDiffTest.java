package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.marketplace.app.support.TestPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-by-file changes between two packages, with unified diffs for text files only. */
class PackageDiffTest {

    @TempDir
    Path folder;

    @Test
    void addedRemovedAndModifiedFilesWithUnifiedDiffsOfText() throws IOException {
        Path before = write(TestPackages.good().text("utils/old.js", "gone\n"));
        Path after = write(TestPackages.good().without("pages/scan/scan.js")
                .text("pages/scan/scan.js", "Page({ scan() { mp.scanCode({ onlyFromCamera: true }); } });\n")
                .without("images/logo.png").stored("images/logo.png", TestPackages.random(2048, 8))
                .without("utils/old.js").text("utils/new.js", "module.exports = 1;\n"));

        List<PackageDiff.FileChange> changes = PackageDiff.between(before, after);

        assertThat(changes).extracting(PackageDiff.FileChange::path, PackageDiff.FileChange::change)
                .containsExactly(tuple("images/logo.png", PackageDiff.Change.MODIFIED),
                                 tuple("pages/scan/scan.js", PackageDiff.Change.MODIFIED),
                                 tuple("utils/new.js", PackageDiff.Change.ADDED),
                                 tuple("utils/old.js", PackageDiff.Change.REMOVED));
        assertThat(changes.get(0).diff()).as("a binary file has no diff").isNull();
        assertThat(changes.get(1).diff()).contains("--- a/pages/scan/scan.js", "+++ b/pages/scan/scan.js", "@@",
                                                   "-Page({ scan() { mp.scanCode({}); } });",
                                                   "+Page({ scan() { mp.scanCode({ onlyFromCamera: true }); } });");
        assertThat(changes.get(2).diff()).contains("--- /dev/null", "+module.exports = 1;");
        assertThat(changes.get(2).sizeBefore()).isNull();
        assertThat(changes.get(3).sizeAfter()).isNull();
    }

    @Test
    void aLongDiffIsCutAtItsLimit() throws IOException {
        String big = "let x = 0;\n".repeat(5_000);
        List<PackageDiff.FileChange> changes = PackageDiff.between(null, write(TestPackages.good()
                .text("bundle.js", big)));

        String diff = changes.stream().filter(c -> c.path().equals("bundle.js")).findFirst().orElseThrow().diff();
        assertThat(diff).hasSizeLessThan(PackageDiff.DIFF_MAX + 100).endsWith("(diff cut at 20000 characters)\n");
    }

    private Path write(TestPackages pkg) throws IOException {
        Path file = Files.createTempFile(folder, "package", ".zip");
        Files.write(file, pkg.zip());
        return file;
    }
}
