package dev.marketplace.app.packages;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.shared.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Packages over HTTP beside GraphQL. {@code POST /packages} takes a zip body from a signed-in developer and answers
 * 201 with its digest and size, or 422 naming what makes it no well-formed package. {@code GET /packages/<digest>}
 * streams a package with its digest as ETag, immutable caching and byte ranges; a package is public once a version
 * naming it was released, before that only its uploaders and reviewers get it, and everyone else 404, as for a
 * package that does not exist.
 */
@RestController
class PackageEndpoints {

    static final String PATH = "/packages";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMMUTABLE = "max-age=31536000, immutable";

    private final PackageUploads uploads;
    private final PackageStore store;

    PackageEndpoints(PackageLimits limits, PackageStore store) {
        this.uploads = new PackageUploads(limits, store, Clock.systemUTC());
        this.store = store;
    }

    @PostMapping(PATH)
    void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> actor = Viewer.current();
        if (actor.isEmpty()) {
            answer(response, 401, "UNAUTHENTICATED", "Sign in as a developer to upload a package.", null);
            return;
        }
        if (!actor.get().acts(Role.DEVELOPER)) {
            answer(response, 403, "ROLE_REQUIRED", "Uploading a package needs the DEVELOPER role.", null);
            return;
        }
        if (!isZip(request.getContentType())) {
            answer(response, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the package as the body with Content-Type: "
                   + "application/zip.", null);
            return;
        }
        try {
            PackageUploads.Uploaded uploaded = uploads.upload(request.getInputStream(),
                                                              request.getContentLengthLong(), actor.get().userId());
            response.setHeader(HttpHeaders.LOCATION, PATH + "/" + uploaded.digest());
            write(response, 201, Map.of("digest", uploaded.digest(), "size", uploaded.size()));
        } catch (PackageRefusal refused) {
            // The rest of a refused body is not read; the connection closes rather than drain it.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            answer(response, 422, refused.code(), refused.getMessage(), refused.entry());
        }
    }

    @GetMapping(PATH + "/{digest}")
    void download(@PathVariable String digest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<PackageStore.StoredPackage> found = DIGEST.matcher(digest).matches() ? store.find(digest)
                                                                                      : Optional.empty();
        if (found.isEmpty() || !found.get().published() && !maySeeUnreleased(digest)) {
            answer(response, 404, "PACKAGE_NOT_FOUND", "There is no package " + digest + " for you.", null);
            return;
        }
        PackageStore.StoredPackage pkg = found.get();
        String etag = "\"" + digest + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, (pkg.published() ? "public, " : "private, ") + IMMUTABLE);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (!pkg.published()) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        ByteRange range = ByteRange.requested(request.getHeader(HttpHeaders.RANGE),
                                              request.getHeader(HttpHeaders.IF_RANGE), etag, pkg.size());
        if (range == ByteRange.UNSATISFIABLE) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + pkg.size());
            return;
        }
        ByteRange sent = range == null ? new ByteRange(0, pkg.size()) : range;
        response.setStatus(range == null ? HttpServletResponse.SC_OK : HttpServletResponse.SC_PARTIAL_CONTENT);
        if (range != null) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + range.from() + "-"
                               + (range.from() + range.length() - 1) + "/" + pkg.size());
        }
        response.setContentType("application/zip");
        response.setContentLengthLong(sent.length());
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = store.open(digest, sent.from(), sent.length())) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        }
    }

    private static boolean isZip(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return ZIP_TYPES.contains(type.getType() + "/" + type.getSubtype());
        } catch (IllegalArgumentException notAType) {
            return false;
        }
    }

    private boolean maySeeUnreleased(String digest) {
        return Viewer.current().map(a -> a.acts(Role.REVIEWER) || store.uploadedBy(digest, a.userId()))
                     .orElse(false);
    }

    private static void answer(HttpServletResponse response, int status, String code, String message, String entry)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (entry != null) {
            body.put("entry", entry);
        }
        write(response, status, body);
    }

    private static void write(HttpServletResponse response, int status, Map<String, Object> body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
