package dev.marketplace.query.catalogue.search;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ChecksStatus;
import dev.marketplace.api.program.Permission;
import java.util.List;

/**
 * What a reviewer narrows the queue to; every part is optional and they combine. {@code permissions} keeps versions
 * asking for any of them, {@code checks} those whose package checks stand at any of them, {@code text} matches every
 * word in the program's name.
 */
public record ReviewQueueFilter(List<Category> categories, List<Permission> permissions, List<ChecksStatus> checks,
                                Boolean escalatedOnly, Boolean unclaimedOnly, Boolean claimedByMe, String text) {

    static final ReviewQueueFilter NONE = new ReviewQueueFilter(null, null, null, null, null, null, null);
}
