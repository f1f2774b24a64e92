package dev.marketplace.app.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * What an uploaded image must be, and what is kept of it. The format is told by the bytes, never by a name or a
 * header; the size in pixels is read from the image's own header before any pixel is decoded, so an image that
 * declares a huge size is refused without the memory its pixels would take. The pixels are then decoded and
 * encoded afresh: what is stored and served is exactly what was checked, and nothing else of the upload survives
 * (EXIF with its GPS position, comments, colour profiles, trailing bytes).
 */
final class ImageCheck {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_SIDE = 2560;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The image as it will be stored: re-encoded bytes, their digest and type, and the size in pixels. */
    record Checked(String digest, byte[] bytes, String contentType, int width, int height) {
    }

    /** Why an upload is not an image the marketplace keeps; the code is for programs, the message for people. */
    static final class Refusal extends RuntimeException {
        private final String code;

        Refusal(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private ImageCheck() {
    }

    static Checked check(byte[] upload) {
        if (upload.length == 0) {
            throw new Refusal("EMPTY", "The upload is empty; send the image's bytes as the request body.");
        }
        if (upload.length > MAX_BYTES) {
            throw new Refusal("TOO_LARGE", "An image may be at most 2 MB; this one is " + upload.length + " bytes.");
        }
        String format = formatOf(upload);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                    throw new Refusal("DIMENSIONS", "The image declares " + width + "×" + height + " pixels; at most "
                                                    + MAX_SIDE + " pixels a side are accepted.");
                }
                BufferedImage pixels = reader.read(0);
                return encoded(format, pixels);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof Refusal refusal) {
                throw refusal;
            }
            throw new Refusal("UNREADABLE", "The " + format.toUpperCase(java.util.Locale.ROOT)
                                            + " image could not be decoded: it is damaged or incomplete.");
        }
    }

    private static String formatOf(byte[] bytes) {
        if (startsWith(bytes, PNG)) {
            return "png";
        }
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (bytes.length > 12 && new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("RIFF")
            && new String(bytes, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WEBP")) {
            // Recognised, but no maintained WebP codec is among this build's dependencies yet (see the notes).
            throw new Refusal("UNSUPPORTED_FORMAT", "WebP images cannot be decoded by this marketplace yet; "
                                                    + "upload the image as PNG or JPEG.");
        }
        throw new Refusal("NOT_AN_IMAGE", "The upload is not a PNG, JPEG or WebP image (judged by its bytes, "
                                          + "whatever its name or Content-Type say).");
    }

    /** PNG stays lossless PNG; a JPEG is written again as a JPEG (RGB, quality 0.9) with no metadata segments. */
    private static Checked encoded(String format, BufferedImage pixels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("png")) {
            if (!ImageIO.write(pixels, "png", out)) {
                throw new IOException("no PNG writer");
            }
        } else {
            BufferedImage rgb = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(pixels, 0, 0, null);
            g.dispose();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
        }
        byte[] bytes = out.toByteArray();
        return new Checked(sha256(bytes), bytes, "image/" + format, pixels.getWidth(), pixels.getHeight());
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
