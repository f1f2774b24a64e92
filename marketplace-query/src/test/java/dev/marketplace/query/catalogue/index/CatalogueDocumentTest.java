package dev.marketplace.query.catalogue.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.ProgramState;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueDocumentTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyFieldOfTheDocumentIsDeclaredInTheStrictMapping() throws Exception {
        JsonNode mapping;
        try (InputStream in = getClass().getResourceAsStream("/elasticsearch/catalogue-index.json")) {
            mapping = json.readTree(in).path("mappings").path("properties");
        }
        CatalogueDocument document = CatalogueDocument.of(released("1.0.0"), 3, T0, Popularity.of(3, new long[] {0, 0, 1, 0, 2}),
                                                          DeveloperView.unnamed("dev-1"));
        List<String> fields = new ArrayList<>();
        json.valueToTree(document).fieldNames().forEachRemaining(fields::add);

        assertThat(fields).isNotEmpty().allSatisfy(field -> assertThat(mapping.has(field)).as(field).isTrue());
    }

    @Test
    void aDocumentRoundTripsThroughJson() throws Exception {
        CatalogueDocument document = CatalogueDocument.of(released("1.0.0"), 3, T0, Popularity.of(3, new long[] {0, 0, 1, 0, 2}),
                                                          DeveloperView.unnamed("dev-1"));

        CatalogueDocument read = json.readValue(json.writeValueAsBytes(document), CatalogueDocument.class);

        assertThat(read).isEqualTo(document);
        assertThat(read.ratingAverage()).isEqualTo((3.0 + 5 + 5) / 3);
        assertThat(read.permissions()).containsExactly(Permission.CAMERA);
        assertThat(read.ratingBayesian()).isEqualTo((5 * 3.5 + 13) / (5 + 3));
    }

    @Test
    void aFullReleaseSupersedesEveryOtherReleasedVersion() {
        MiniProgramView program = released("1.0.0");
        program = ProgramState.submitted(program, submitted("1.1.0"), T0.plusSeconds(10));
        program = ProgramState.approved(program, new VersionApprovedEvent("p1", "1.1.0", "rev", null), T0);
        program = ProgramState.released(program, new VersionReleasedEvent("p1", "1.1.0", 10), T0);
        assertThat(program.currentVersion()).as("a phased release keeps the current version").isEqualTo("1.0.0");

        program = ProgramState.submitted(program, submitted("1.2.0"), T0.plusSeconds(20));
        program = ProgramState.approved(program, new VersionApprovedEvent("p1", "1.2.0", "rev", null), T0);
        program = ProgramState.released(program, new VersionReleasedEvent("p1", "1.2.0", 100), T0);

        assertThat(program.currentVersion()).isEqualTo("1.2.0");
        assertThat(program.versions()).extracting(v -> v.number() + ":" + v.status())
                .containsExactly("1.0.0:SUPERSEDED", "1.1.0:SUPERSEDED", "1.2.0:RELEASED");
    }

    static MiniProgramView released(String version) {
        MiniProgramView program = ProgramState.registered(new MiniProgramRegisteredEvent(
                "p1", "dev-1", "沃尔玛扫码购", "Scan and go", null, Category.SHOPPING, List.of("retail"), null), T0);
        program = ProgramState.submitted(program, submitted(version), T0);
        program = ProgramState.approved(program, new VersionApprovedEvent("p1", version, "rev", "ok"), T0);
        program = ProgramState.released(program, new VersionReleasedEvent("p1", version, 100), T0);
        assertThat(program.status()).isEqualTo(ProgramStatus.LIVE);
        assertThat(program.versions().get(0).status()).isEqualTo(VersionStatus.RELEASED);
        return program;
    }

    static VersionSubmittedEvent submitted(String version) {
        return new VersionSubmittedEvent("p1", version, "changes", List.of(Permission.CAMERA),
                                         List.of(PrivacyDataUse.ANALYTICS), "ab".repeat(32), 1024);
    }
}
