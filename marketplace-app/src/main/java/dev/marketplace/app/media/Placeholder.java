package dev.marketplace.app.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The icon of a program that has none: its name's first letter, white, on a colour picked from the name, as SVG.
 * The same name always gets the same picture, and a name never breaks out of the text it is put in.
 */
final class Placeholder {

    private static final String[] COLOURS = {"#1f6feb", "#8250df", "#bf3989", "#d1242f", "#9a6700", "#1a7f37",
                                             "#0969da", "#6e7781"};

    private Placeholder() {
    }

    static byte[] svg(String name) {
        String text = name == null || name.isBlank() ? "?" : name.strip();
        String initial = new String(Character.toChars(text.codePointAt(0))).toUpperCase(Locale.ROOT);
        String colour = COLOURS[Math.floorMod(text.hashCode(), COLOURS.length)];
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"144\" height=\"144\" viewBox=\"0 0 144 144\">"
                     + "<rect width=\"144\" height=\"144\" rx=\"28\" fill=\"" + colour + "\"/>"
                     + "<text x=\"72\" y=\"72\" dy=\".35em\" text-anchor=\"middle\" font-family=\"sans-serif\" "
                     + "font-size=\"72\" fill=\"#fff\">" + escaped(initial) + "</text></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
