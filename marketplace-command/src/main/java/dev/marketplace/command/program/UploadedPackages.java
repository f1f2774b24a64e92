package dev.marketplace.command.program;

import dev.marketplace.api.program.Permission;
import java.util.Optional;
import java.util.Set;

/**
 * The packages developers uploaded, as the write side needs them: a version may only name a package its submitter
 * uploaded, and its declared permissions must cover what the package's manifest asks for. Kept by the application's
 * package store; uploads are checked (well-formed zip, manifest, sizes) before they are stored.
 */
public interface UploadedPackages {

    /** The package with this digest if {@code uploaderId} uploaded it (and it was not cleaned up since). */
    Optional<UploadedPackage> find(String digest, String uploaderId);

    /** What a stored package says about itself: its size in bytes and its manifest's permissions. */
    record UploadedPackage(String digest, long size, Set<Permission> permissions) {
    }
}
