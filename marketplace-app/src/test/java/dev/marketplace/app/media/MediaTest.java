package dev.marketplace.app.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Listing images over HTTP and GraphQL: what POST /media accepts and refuses (by the bytes, the declared size,
 * the role), that what is served is the re-encoded image without its metadata, and that a listing's icon and
 * screenshots (or the placeholder) reach the program and the catalogue.
 */
@MarketplaceIntegrationTest
class MediaTest extends MarketplaceClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void anImageIsStoredReEncodedAndServedImmutable() throws Exception {
        HttpResponse<byte[]> created = upload(png(200, 200), "dev-media", Role.DEVELOPER);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("width").asInt()).isEqualTo(200);
        assertThat(body.path("contentType").asText()).isEqualTo("image/png");
        String digest = body.path("digest").asText();
        assertThat(digest).matches("[0-9a-f]{64}");

        HttpResponse<byte[]> served = get("/media/" + digest);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        assertThat(served.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(served.body())).getWidth()).isEqualTo(200);
        assertThat(get("/media/" + "0".repeat(64)).statusCode()).isEqualTo(404);
    }

    @Test
    void aTextFileNamedPngIsRefusedByItsBytes() throws Exception {
        HttpResponse<byte[]> refused = upload("just some text, not an image".getBytes(StandardCharsets.UTF_8),
                                              "dev-media", Role.DEVELOPER);
        assertRefused(refused, "NOT_AN_IMAGE");
    }

    @Test
    void aPngDeclaringAHugeSizeIsRefusedBeforeItsPixelsAreDecoded() throws Exception {
        assertRefused(upload(pngHeader(100_000, 100_000), "dev-media", Role.DEVELOPER), "DIMENSIONS");
        assertRefused(upload(png(2561, 10), "dev-media", Role.DEVELOPER), "DIMENSIONS");
    }

    @Test
    void exifWithTheGpsPositionIsRemoved() throws Exception {
        byte[] withExif = withExifGps(jpeg(300, 200));
        assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPS");

        HttpResponse<byte[]> created = upload(withExif, "dev-media", Role.DEVELOPER);
        assertThat(created.statusCode()).isEqualTo(201);
        String digest = JSON.readTree(created.body()).path("digest").asText();
        String served = new String(get("/media/" + digest).body(), StandardCharsets.ISO_8859_1);
        assertThat(served).doesNotContain("Exif").doesNotContain("GPS");
    }

    @Test
    void onlyDevelopersUpload() throws Exception {
        HttpRequest anonymous = HttpRequest.newBuilder(uri("/media")).POST(HttpRequest.BodyPublishers.ofByteArray(
                png(150, 150))).build();
        assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);
        assertThat(upload(png(150, 150), "user-media", Role.USER).statusCode()).isEqualTo(403);
    }

    @Test
    void aListingShowsItsIconAndScreenshotsOrAPlaceholder() throws Exception {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String icon = digestOf(upload(png(256, 256), "dev-media", Role.DEVELOPER));
        String wide = digestOf(upload(png(400, 200), "dev-media", Role.DEVELOPER));
        String shot = digestOf(upload(jpeg(720, 1280), "dev-media", Role.DEVELOPER));

        Map<String, Object> bad = listing("Icon Not Square " + tag, tag);
        bad.put("iconDigest", wide);
        marketplace.as("dev-media", Role.DEVELOPER).documentName("registerMiniProgram").variable("input", bad)
                   .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                       assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT")
                                                    .containsEntry("field", "iconDigest");
                   }));

        Map<String, Object> good = listing("Pictured Program " + tag, tag);
        good.put("iconDigest", icon);
        good.put("screenshotDigests", List.of(shot, wide));
        String pictured = marketplace.publish("dev-media", good);
        String plain = marketplace.publish("dev-media", listing("Plain Program " + tag, tag));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> marketplace.anonymous()
                .documentName("media/images").variable("tag", tag).execute()
                .path("catalogue.edges[*].node.id").entityList(String.class).hasSize(2));
        var hits = marketplace.anonymous().documentName("media/images").variable("tag", tag).execute();
        Map<String, Object> byId = new HashMap<>();
        hits.path("catalogue.edges[*].node").entityList(Map.class).get()
            .forEach(node -> byId.put((String) node.get("id"), node));
        assertThat(((Map<?, ?>) ((Map<?, ?>) byId.get(pictured)).get("icon")).get("url")).isEqualTo("/media/" + icon);
        List<Object> shots = ((List<?>) ((Map<?, ?>) byId.get(pictured)).get("screenshots")).stream()
                .map(s -> ((Map<?, ?>) s).get("url")).map(Object.class::cast).toList();
        assertThat(shots).containsExactly("/media/" + shot, "/media/" + wide);
        String placeholder = (String) ((Map<?, ?>) ((Map<?, ?>) byId.get(plain)).get("icon")).get("url");
        assertThat(placeholder).startsWith("/media/placeholder.svg?name=Plain");
        HttpResponse<byte[]> svg = get(placeholder);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).contains(">P</text>");
    }

    private Map<String, Object> listing(String name, String tag) {
        return new HashMap<>(Marketplace.listing(name, "SHOPPING", List.of(tag)));
    }

    private static String digestOf(HttpResponse<byte[]> created) throws IOException {
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return JSON.readTree(created.body()).path("digest").asText();
    }

    private static void assertRefused(HttpResponse<byte[]> response, String code) throws IOException {
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    private HttpResponse<byte[]> upload(byte[] image, String user, Role role) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/media"))
                .header("Authorization", "Bearer " + Tokens.forUser(user, role))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static byte[] png(int width, int height) throws IOException {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f6feb));
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR chunk declaring the size, and nothing after: no pixels at all. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                                    .putInt(height).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0)
                                    .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                         .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                         .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    /** The JPEG with an APP1 Exif segment right after its start marker, holding a GPS tag's name as a camera would. */
    private static byte[] withExifGps(byte[] jpeg) {
        byte[] payload = "Exif\0\0MM\0*\0\0\0\bGPSLatitude 52.5200 N GPSLongitude 13.4050 E"
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2).put((byte) 0xff).put((byte) 0xe1).putShort((short) (payload.length + 2)).put(payload)
           .put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }
}
