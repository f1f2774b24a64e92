package dev.marketplace.command.graphql;

import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import java.util.List;

record SubmitVersionInput(String miniProgramId, String version, String changelog, List<Permission> permissions,
                          List<PrivacyDataUse> privacyUses, String packageDigest, Long packageSize) {
}
