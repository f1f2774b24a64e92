package dev.marketplace.api.settings;

/** A user's settings are one aggregate per user, whose events are every change of them. */
public final class UserSettingsId {

    private UserSettingsId() {
    }

    public static String of(String userId) {
        return "user-settings:" + userId;
    }
}
