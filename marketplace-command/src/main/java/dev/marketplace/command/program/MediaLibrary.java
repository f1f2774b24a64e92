package dev.marketplace.command.program;

import dev.marketplace.api.program.ListingImage;
import java.util.Optional;

/** The images uploaded to the marketplace ({@code POST /media}), by digest: a listing may only name stored ones. */
public interface MediaLibrary {

    Optional<ListingImage> find(String digest);
}
