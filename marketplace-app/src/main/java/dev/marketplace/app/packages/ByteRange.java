package dev.marketplace.app.packages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of a package's bytes, as a {@code Range: bytes=...} header asks for it. Only a single range is served;
 * a header asking for several, or one that does not parse, is ignored and the whole package sent, as HTTP allows.
 */
record ByteRange(long from, long length) {

    /** A range that starts past the end: answered with 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, 0);

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /**
     * The range the request asks for, or null for the whole package: no header, an unparseable or multiple one,
     * or an {@code If-Range} that names another version.
     */
    static ByteRange requested(String header, String ifRange, String etag, long size) {
        if (header == null || ifRange != null && !ifRange.strip().equals(etag)) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                return UNSATISFIABLE;
            }
            long from = Math.max(0, size - suffix);
            return new ByteRange(from, size - from);
        }
        long from = Long.parseLong(m.group(1));
        long to = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (from >= size) {
            return UNSATISFIABLE;
        }
        if (to < from) {
            return null;
        }
        return new ByteRange(from, to - from + 1);
    }
}
