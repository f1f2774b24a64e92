package dev.marketplace.app.packages;

import dev.marketplace.api.program.Permission;
import java.util.Map;

/**
 * The host super-app's APIs that need a permission, by the name code calls them ({@code mp.getLocation(...)}), after
 * WeChat's {@code wx.*} APIs and the scopes they ask for.
 */
final class HostApis {

    static final Map<String, Permission> PERMISSIONS = Map.ofEntries(
            Map.entry("getLocation", Permission.LOCATION), Map.entry("chooseLocation", Permission.LOCATION),
            Map.entry("startLocationUpdate", Permission.LOCATION),
            Map.entry("scanCode", Permission.CAMERA), Map.entry("createCameraContext", Permission.CAMERA),
            Map.entry("chooseMedia", Permission.CAMERA),
            Map.entry("startRecord", Permission.MICROPHONE), Map.entry("getRecorderManager", Permission.MICROPHONE),
            Map.entry("chooseImage", Permission.PHOTOS), Map.entry("saveImageToPhotosAlbum", Permission.PHOTOS),
            Map.entry("getPhoneNumber", Permission.PHONE_NUMBER),
            Map.entry("getUserProfile", Permission.USER_PROFILE), Map.entry("getUserInfo", Permission.USER_PROFILE),
            Map.entry("addPhoneContact", Permission.CONTACTS), Map.entry("chooseContact", Permission.CONTACTS),
            Map.entry("openBluetoothAdapter", Permission.BLUETOOTH),
            Map.entry("getNFCAdapter", Permission.NFC), Map.entry("startHCE", Permission.NFC),
            Map.entry("getClipboardData", Permission.CLIPBOARD), Map.entry("setClipboardData", Permission.CLIPBOARD),
            Map.entry("requestPayment", Permission.PAYMENT));

    private HostApis() {
    }
}
