package dev.marketplace.api.program;

/** Device and account capabilities a version declares it needs; reviewers check each is justified. */
public enum Permission {
    USER_PROFILE,
    PHONE_NUMBER,
    LOCATION,
    CAMERA,
    MICROPHONE,
    PHOTOS,
    CONTACTS,
    BLUETOOTH,
    NFC,
    CLIPBOARD,
    PAYMENT
}
