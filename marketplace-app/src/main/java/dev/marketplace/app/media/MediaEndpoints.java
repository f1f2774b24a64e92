package dev.marketplace.app.media;

import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Listing images beside GraphQL: {@code POST /media} (a developer; the image as the body) answers {@code 201} with
 * the stored image's digest, size and type, or {@code 422} naming what is wrong; {@code GET /media/{digest}} serves
 * it, immutable (its address is its content); {@code GET /media/placeholder.svg?name=} draws the icon of a program
 * that has none.
 */
@RestController
class MediaEndpoints {

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final MediaStore store;
    private final Clock clock = Clock.systemUTC();

    MediaEndpoints(MediaStore store) {
        this.store = store;
    }

    @PostMapping("/media")
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return refusal(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in to upload images.");
        }
        Actor actor = Actor.fromAuthorities(auth.getName(), auth.getAuthorities().stream()
                                                                .map(GrantedAuthority::getAuthority).toList());
        if (!actor.acts(Role.DEVELOPER)) {
            return refusal(HttpStatus.FORBIDDEN, "ROLE_REQUIRED", "This needs the DEVELOPER role.");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // One byte past the limit tells "too large" without reading an unbounded body into memory.
            body = in.readNBytes(ImageCheck.MAX_BYTES + 1);
        }
        try {
            ImageCheck.Checked image = ImageCheck.check(body);
            store.store(image, actor.userId(), clock.instant());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
                    "digest", image.digest(), "width", image.width(), "height", image.height(),
                    "contentType", image.contentType()));
        } catch (ImageCheck.Refusal refused) {
            return refusal(HttpStatus.UNPROCESSABLE_ENTITY, refused.code(), refused.getMessage());
        }
    }

    @GetMapping("/media/{digest:[0-9a-f]{64}}")
    void serve(@PathVariable String digest, HttpServletResponse response) throws IOException {
        var image = store.find(digest);
        if (image.isEmpty()) {
            response.sendError(HttpStatus.NOT_FOUND.value(), "No image " + digest);
            return;
        }
        response.setContentType(image.get().contentType());
        response.setHeader("Cache-Control", IMMUTABLE.getHeaderValue());
        response.setHeader("ETag", "\"" + digest + "\"");
        store.copy(digest, response.getOutputStream());
    }

    @GetMapping("/media/placeholder.svg")
    ResponseEntity<byte[]> placeholder(@RequestParam(defaultValue = "") String name) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                             .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                             .body(Placeholder.svg(name.length() > 200 ? name.substring(0, 200) : name));
    }

    private static ResponseEntity<Map<String, Object>> refusal(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }
}
