package dev.marketplace.app.packages;

import dev.marketplace.api.program.CheckFinding;
import dev.marketplace.api.program.CheckSeverity;
import dev.marketplace.api.program.Permission;
import dev.marketplace.command.program.PackageChecks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.springframework.stereotype.Component;

/**
 * The automated checks of a stored package. Every file is looked at once, the text ones line by line:
 * <ul>
 *   <li>{@code UNDECLARED_PERMISSION} (blocking): a host API call ({@link HostApis}) whose permission the manifest
 *       does not declare; {@code UNUSED_PERMISSION} (warning): a declared permission no call needs;</li>
 *   <li>{@code SECRET} (blocking): private keys and cloud access keys;</li>
 *   <li>{@code NATIVE_EXECUTABLE} (blocking): ELF, PE and Mach-O binaries, whatever their names;</li>
 *   <li>{@code DYNAMIC_CODE} (warning): {@code eval(...)} and {@code new Function(...)};</li>
 *   <li>{@code CONFUSABLE_NAME} (warning): a live program's name one edit away ({@link ConfusableNames}).</li>
 * </ul>
 * The package was checked at upload to be a well-formed zip within its limits, so reading it here is bounded.
 */
@Component
class PackageCheckRunner implements PackageChecks {

    /** Text files larger than this are not scanned line by line: minified bundles stay well under it. */
    private static final long TEXT_MAX = 4L * 1024 * 1024;
    private static final Set<String> SCRIPTS = Set.of("js", "mjs", "ts", "wxs");
    private static final Pattern HOST_CALL = Pattern.compile("\\b(?:mp|wx)\\s*\\.\\s*([A-Za-z]+)\\s*\\(");
    private static final Pattern DYNAMIC = Pattern.compile("\\beval\\s*\\(|\\bnew\\s+Function\\s*\\(");
    private static final List<Secret> SECRETS = List.of(
            new Secret(Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"),
                       "a private key"),
            new Secret(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), "an AWS access key id"),
            new Secret(Pattern.compile("(?i)aws_secret_access_key\\s*[:=]\\s*['\"]?[A-Za-z0-9/+=]{40}"),
                       "an AWS secret access key"),
            new Secret(Pattern.compile("\\bLTAI[0-9A-Za-z]{12,20}\\b"), "an Alibaba Cloud AccessKey id"),
            new Secret(Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}\\b"), "a Google API key"),
            new Secret(Pattern.compile("\\bgh[pousr]_[0-9A-Za-z]{36}\\b"), "a GitHub token"),
            new Secret(Pattern.compile("\\bxox[abprs]-[0-9A-Za-z-]{10,}"), "a Slack token"));

    private final PackageStore store;
    private final ConfusableNames names;

    PackageCheckRunner(PackageStore store, ConfusableNames names) {
        this.store = store;
        this.names = names;
    }

    private record Secret(Pattern pattern, String what) {
    }

    @Override
    public List<CheckFinding> check(String programId, String digest) {
        try {
            Path file = store.copyToTempFile(digest).orElse(null);
            if (file == null) {
                return List.of(new CheckFinding(CheckSeverity.BLOCKING, "PACKAGE_MISSING", null, null,
                                                "The package " + digest + " is no longer stored."));
            }
            try {
                List<CheckFinding> findings = new ArrayList<>(check(file, store.permissions(digest)));
                findings.addAll(names.near(programId));
                return findings;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The package " + digest + " could not be read for its checks", e);
        }
    }

    /** The findings in the zip {@code file}, whose manifest declares {@code declared}; in file order. */
    List<CheckFinding> check(Path file, Set<Permission> declared) throws IOException {
        List<CheckFinding> findings = new ArrayList<>();
        Set<Permission> used = EnumSet.noneOf(Permission.class);
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (!entry.isDirectory()) {
                    checkEntry(zip, entry, declared, used, findings);
                }
            }
        }
        declared.stream().filter(p -> !used.contains(p)).sorted().forEach(p -> findings.add(new CheckFinding(
                CheckSeverity.WARNING, "UNUSED_PERMISSION", "app.json", null,
                "The manifest declares " + p + ", but no code calls a host API that needs it.")));
        return findings;
    }

    private static void checkEntry(ZipFile zip, ZipArchiveEntry entry, Set<Permission> declared, Set<Permission> used,
                                   List<CheckFinding> findings) throws IOException {
        String name = entry.getName();
        byte[] head;
        try (InputStream in = zip.getInputStream(entry)) {
            head = in.readNBytes(4);
        }
        if (isExecutable(head)) {
            findings.add(new CheckFinding(CheckSeverity.BLOCKING, "NATIVE_EXECUTABLE", name, null,
                                          name + " is a native executable; a mini-program runs only in the host."));
            return;
        }
        if (entry.getSize() > TEXT_MAX || isBinary(zip, entry)) {
            return;
        }
        boolean script = SCRIPTS.contains(extension(name));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                                                                            StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                for (Secret secret : SECRETS) {
                    if (secret.pattern().matcher(line).find()) {
                        findings.add(new CheckFinding(CheckSeverity.BLOCKING, "SECRET", name, number,
                                                      "Line " + number + " holds what looks like " + secret.what()
                                                      + "; secrets must stay on the developer's servers."));
                    }
                }
                if (script) {
                    checkScriptLine(name, number, line, declared, used, findings);
                }
            }
        }
    }

    private static void checkScriptLine(String name, int number, String line, Set<Permission> declared,
                                        Set<Permission> used, List<CheckFinding> findings) {
        Matcher call = HOST_CALL.matcher(line);
        while (call.find()) {
            Permission needed = HostApis.PERMISSIONS.get(call.group(1));
            if (needed == null) {
                continue;
            }
            used.add(needed);
            if (!declared.contains(needed)) {
                findings.add(new CheckFinding(CheckSeverity.BLOCKING, "UNDECLARED_PERMISSION", name, number,
                                              "mp." + call.group(1) + " needs the " + needed + " permission, which "
                                              + "app.json does not declare."));
            }
        }
        if (DYNAMIC.matcher(line).find()) {
            findings.add(new CheckFinding(CheckSeverity.WARNING, "DYNAMIC_CODE", name, number,
                                          "Line " + number + " runs code built at run time (eval or new Function), "
                                          + "which reviewers cannot read."));
        }
    }

    /** ELF, PE ("MZ") and the Mach-O magic numbers (both byte orders, thin and fat). */
    private static boolean isExecutable(byte[] head) {
        if (head.length >= 2 && head[0] == 'M' && head[1] == 'Z') {
            return true;
        }
        if (head.length < 4) {
            return false;
        }
        int magic = (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
        return magic == 0x7F454C46 || magic == 0xFEEDFACE || magic == 0xFEEDFACF || magic == 0xCEFAEDFE
               || magic == 0xCFFAEDFE || magic == 0xCAFEBABE;
    }

    /** A file with a NUL byte in its first 8 KB is not text. */
    private static boolean isBinary(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            for (byte b : in.readNBytes(8192)) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
