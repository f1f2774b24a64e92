package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import dev.marketplace.app.support.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Packages end to end over HTTP: upload (stored once, refused with 422 and a named problem), delivery (ETag,
 * immutable caching, ranges, 404 to those who may not see it) and the rules submission applies to them.
 */
@MarketplaceIntegrationTest
class PackagesTest extends MarketplaceClientTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PackageStore store;

    @Test
    void anUploadAnswersItsDigestSizeAndLocationAndTheSameBytesAreStoredOnce() {
        byte[] zip = unique();
        String digest = TestPackages.digest(zip);

        marketplace.uploadRequest(Tokens.forUser("dev-p1", Role.DEVELOPER), zip).expectStatus().isCreated()
                   .expectHeader().valueEquals(HttpHeaders.LOCATION, "/packages/" + digest)
                   .expectBody().jsonPath("$.digest").isEqualTo(digest).jsonPath("$.size").isEqualTo(zip.length);
        marketplace.upload("dev-p2", zip);
        marketplace.upload("dev-p1", zip);

        assertThat(jdbc.queryForObject("select count(*) from package where digest = ?", Integer.class, digest))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from package_chunk where digest = ?", Integer.class, digest))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("select uploader_id from package_upload where digest = ? order by uploader_id",
                                     String.class, digest)).containsExactly("dev-p1", "dev-p2");
    }

    @Test
    void malformedPackagesAreRefusedWith422NamingTheProblemAndStoreNothing() {
        long before = jdbc.queryForObject("select count(*) from package", Long.class);
        String token = Tokens.forUser("dev-p3", Role.DEVELOPER);

        refused(token, TestPackages.good().text("../../outside.js", "x").zip(), "UNSAFE_PATH")
                .jsonPath("$.entry").isEqualTo("../../outside.js");
        refused(token, TestPackages.good().deflated("bomb.bin", new byte[16 * 1024 * 1024]).zip(),
                "COMPRESSION_RATIO").jsonPath("$.entry").isEqualTo("bomb.bin");
        refused(token, "not a zip at all, just text".getBytes(), "NOT_A_ZIP");
        refused(token, TestPackages.good().without("pages/scan/scan.js").zip(), "PAGE_MISSING")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("pages/scan/scan.js"));
        refused(token, TestPackages.good().symlink("pages/link.js", "/etc/passwd").zip(), "LINK");

        assertThat(jdbc.queryForObject("select count(*) from package", Long.class)).isEqualTo(before);
    }

    @Test
    void onlySignedInDevelopersUploadAndOnlyZips() {
        byte[] zip = unique();
        marketplace.uploadRequest(null, zip).expectStatus().isUnauthorized()
                   .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        marketplace.uploadRequest(Tokens.forUser("user-p1", Role.USER), zip).expectStatus().isForbidden()
                   .expectBody().jsonPath("$.code").isEqualTo("ROLE_REQUIRED");
        assertThat(store.find(TestPackages.digest(zip))).isEmpty();
    }

    @Test
    void aPackageIsDeliveredWithItsETagImmutableCachingAndRanges() {
        byte[] zip = unique();
        String digest = marketplace.upload("dev-p4", zip);
        String owner = Tokens.forUser("dev-p4", Role.DEVELOPER);

        byte[] body = marketplace.get("/packages/" + digest, owner).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + digest + "\"")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable")
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader().contentType("application/zip")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(zip);

        byte[] part = marketplace.get("/packages/" + digest, owner).header(HttpHeaders.RANGE, "bytes=10-29")
                .exchange().expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 10-29/" + zip.length)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(zip, 10, 30));
        byte[] tail = marketplace.get("/packages/" + digest, owner).header(HttpHeaders.RANGE, "bytes=-5")
                .exchange().expectStatus().isEqualTo(206)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(zip, zip.length - 5, zip.length));
        marketplace.get("/packages/" + digest, owner).header(HttpHeaders.RANGE, "bytes=" + zip.length + "-")
                   .exchange().expectStatus().isEqualTo(416)
                   .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + zip.length);
        marketplace.get("/packages/" + digest, owner).header(HttpHeaders.IF_NONE_MATCH, "\"" + digest + "\"")
                   .exchange().expectStatus().isNotModified();
    }

    @Test
    void anUnreleasedPackageIsNotFoundForAnyoneButItsUploadersAndReviewersThenPublicOnceReleased() {
        String developer = "dev-p5";
        String program = newProgram(developer, "Package Visibility");
        String digest = marketplace.upload(developer, unique());
        String path = "/packages/" + digest;

        marketplace.get(path, null).exchange().expectStatus().isNotFound()
                   .expectBody().jsonPath("$.code").isEqualTo("PACKAGE_NOT_FOUND");
        marketplace.get(path, Tokens.forUser("dev-other", Role.DEVELOPER)).exchange().expectStatus().isNotFound();
        marketplace.get(path, Tokens.forUser("rev-p5", Role.REVIEWER)).exchange().expectStatus().isOk();
        marketplace.get("/packages/" + "0".repeat(64), Tokens.forUser("rev-p5", Role.REVIEWER)).exchange()
                   .expectStatus().isNotFound();

        String version = marketplace.submit(developer, program, "1.0.0", digest);
        marketplace.approve("rev-p5", version);
        marketplace.release(developer, version);

        marketplace.get(path, null).exchange().expectStatus().isOk()
                   .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
    }

    @Test
    void aVersionMustNameAPackageItsSubmitterUploadedWithTheManifestsPermissionsDeclared() {
        String developer = "dev-p6";
        String program = newProgram(developer, "Package Rules");
        String othersDigest = marketplace.upload("dev-p7", unique());
        String digest = marketplace.upload(developer, unique());

        submitError(developer, program, "ab".repeat(32), List.of("CAMERA"), null, "PACKAGE_NOT_FOUND");
        submitError(developer, program, othersDigest, List.of("CAMERA"), null, "PACKAGE_NOT_FOUND");
        submitError(developer, program, digest, List.of("LOCATION"), null, "PERMISSIONS_MISMATCH")
                .satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("[CAMERA]"));
        submitError(developer, program, digest, List.of("CAMERA"), 12345, "INVALID_INPUT")
                .satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("packageSize"));

        String size = marketplace.as(developer, Role.DEVELOPER).document("""
                        query($id: ID!) { miniProgram(id: $id) { versions { id } } }""").variable("id", program)
                .execute().path("miniProgram.versions").entityList(Object.class).get().toString();
        assertThat(size).isEqualTo("[]");
    }

    @Test
    void uploadsNoVersionNamesAreDeletedOnceOldEnoughAndNamedOnesKept() {
        String developer = "dev-p8";
        String program = newProgram(developer, "Package Cleanup");
        String orphan = marketplace.upload(developer, unique());
        String named = marketplace.upload(developer, unique());
        marketplace.submit(developer, program, "1.0.0", named);

        store.deleteUnreferenced(Instant.now().plusSeconds(60));

        assertThat(store.find(orphan)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from package_chunk where digest = ?", Integer.class, orphan))
                .isZero();
        assertThat(store.find(named)).isPresent();
        marketplace.get("/packages/" + named, Tokens.forUser(developer, Role.DEVELOPER)).exchange()
                   .expectStatus().isOk();
    }

    private GraphQlTester.Errors submitError(String developer, String program, String digest,
                                             List<String> permissions, Integer size, String code) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of(
                "miniProgramId", program, "version", "1.0.0", "changelog", "First", "permissions", permissions,
                "packageDigest", digest));
        if (size != null) {
            input.put("packageSize", size);
        }
        GraphQlTester.Errors errors = marketplace.as(developer, Role.DEVELOPER).documentName("submitVersion")
                                                 .variable("input", input).execute().errors();
        errors.satisfy(e -> assertThat(e).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", code)));
        return errors;
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec refused(
            String token, byte[] zip, String code) {
        return marketplace.uploadRequest(token, zip).expectStatus().isEqualTo(422).expectBody()
                          .jsonPath("$.code").isEqualTo(code);
    }

    private String newProgram(String developer, String name) {
        return marketplace.register(developer, name + " " + UUID.randomUUID().toString().substring(0, 8));
    }

    private static byte[] unique() {
        return TestPackages.goodZip(UUID.randomUUID().toString());
    }
}
