package dev.marketplace.app.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.program.Permission;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A package's {@code app.json}, shaped like a WeChat mini-program's: {@code pages} (the first is the entry page),
 * optional {@code subpackages} each with a {@code root} and its {@code pages}, and {@code permission}: our
 * {@link Permission} names, each with a {@code desc} saying why it is needed.
 */
record Manifest(List<String> pages, List<Subpackage> subpackages, Set<Permission> permissions) {

    static final String FILE = "app.json";
    /** Far above a real manifest (a few kilobytes), and small enough to read whole. */
    static final int MAX_BYTES = 64 * 1024;
    private static final int DESC_MAX = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Subpackage(String root, List<String> pages) {
    }

    /** Every page's script, as the entry names the zip must hold: {@code P.js} for each page {@code P}. */
    List<String> pageScripts() {
        List<String> scripts = new ArrayList<>(pages.stream().map(p -> p + ".js").toList());
        subpackages.forEach(s -> s.pages().forEach(p -> scripts.add(s.root() + "/" + p + ".js")));
        return scripts;
    }

    /** The subpackage whose root holds {@code entry}, or null for the main package. */
    Subpackage subpackageOf(String entry) {
        return subpackages.stream().filter(s -> entry.startsWith(s.root() + "/")).findFirst().orElse(null);
    }

    static Manifest parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw invalid("cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw invalid("must be a JSON object");
        }
        List<String> pages = pages(root.get("pages"), "pages");
        if (pages.isEmpty()) {
            throw invalid("must list at least one page in \"pages\"; the first is the entry page");
        }
        JsonNode subs = root.has("subpackages") ? root.get("subpackages") : root.get("subPackages");
        List<Subpackage> subpackages = new ArrayList<>();
        if (subs != null) {
            if (!subs.isArray()) {
                throw invalid("\"subpackages\" must be an array of {root, pages}");
            }
            Set<String> roots = new HashSet<>();
            for (JsonNode sub : subs) {
                String subRoot = sub.path("root").isTextual() ? strip(sub.get("root").asText()) : "";
                if (!EntryNames.isSafe(subRoot) || subRoot.isEmpty()) {
                    throw invalid("every subpackage needs a \"root\": a relative folder path");
                }
                if (roots.stream().anyMatch(r -> r.startsWith(subRoot + "/") || subRoot.startsWith(r + "/"))
                    || !roots.add(subRoot)) {
                    throw invalid("subpackage roots must be distinct and not nested: " + subRoot);
                }
                subpackages.add(new Subpackage(subRoot, pages(sub.get("pages"), "pages of subpackage " + subRoot)));
            }
        }
        return new Manifest(pages, List.copyOf(subpackages), permissions(root.get("permission")));
    }

    private static List<String> pages(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw invalid("\"" + what + "\" must be an array of page paths");
        }
        List<String> pages = new ArrayList<>();
        for (JsonNode page : node) {
            String path = page.isTextual() ? strip(page.asText()) : "";
            if (path.isEmpty() || !EntryNames.isSafe(path)) {
                throw invalid("\"" + what + "\" holds " + page + ", which is not a relative page path");
            }
            if (pages.contains(path)) {
                throw invalid("\"" + what + "\" lists " + path + " twice");
            }
            pages.add(path);
        }
        return List.copyOf(pages);
    }

    private static Set<Permission> permissions(JsonNode node) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (node == null) {
            return permissions;
        }
        if (!node.isObject()) {
            throw invalid("\"permission\" must be an object of permission names, each with a \"desc\"");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Permission permission = Arrays.stream(Permission.values()).filter(p -> p.name().equals(field.getKey()))
                                          .findFirst().orElseThrow(() -> invalid(
                                                  "\"permission\" names " + field.getKey() + ", which is not one of "
                                                  + Arrays.toString(Permission.values())));
            JsonNode desc = field.getValue().path("desc");
            if (!desc.isTextual() || desc.asText().isBlank() || desc.asText().length() > DESC_MAX) {
                throw invalid("permission " + permission + " needs a \"desc\" of 1 to " + DESC_MAX
                              + " characters saying why it is needed");
            }
            permissions.add(permission);
        }
        return permissions;
    }

    private static String strip(String path) {
        return path.strip();
    }

    private static PackageRefusal invalid(String why) {
        return new PackageRefusal("INVALID_MANIFEST", FILE + " " + why + ".", FILE);
    }
}
