package dev.marketplace.query.launch;

import dev.marketplace.api.program.VersionView;

/** The version a signed-in user runs now, and where a host downloads its package. */
record Launch(VersionView version, String packageUrl) {
}
