package dev.marketplace.app.packages;

/** Which zip entry names are safe to unpack anywhere: relative, forward slashes, no {@code .} or {@code ..}. */
final class EntryNames {

    private EntryNames() {
    }

    /** A directory entry's trailing slash is allowed; an empty name is not a path. */
    static boolean isSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.contains(":")
            || name.length() > 512) {
            return false;
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                return false;
            }
        }
        return true;
    }
}
