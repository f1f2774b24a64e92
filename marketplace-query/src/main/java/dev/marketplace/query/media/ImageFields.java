package dev.marketplace.query.media;

import dev.marketplace.api.program.ListingImage;
import dev.marketplace.api.program.MiniProgramView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A program's icon and screenshots as addresses to load them from. The images' sizes travel in the program's
 * events, so a page of catalogue hits shows every icon without asking anything more; a program without an icon
 * gets the placeholder drawn from its name (as the reader sees the name).
 */
@Controller
class ImageFields {

    static final int PLACEHOLDER_SIZE = 144;

    record Image(String url, int width, int height) {
    }

    @SchemaMapping(typeName = "MiniProgram")
    Image icon(MiniProgramView program) {
        if (program.icon() == null) {
            return new Image("/media/placeholder.svg?name=" + URLEncoder.encode(program.name(),
                                                                                StandardCharsets.UTF_8),
                             PLACEHOLDER_SIZE, PLACEHOLDER_SIZE);
        }
        return image(program.icon());
    }

    @SchemaMapping(typeName = "MiniProgram")
    List<Image> screenshots(MiniProgramView program) {
        return program.screenshots().stream().map(ImageFields::image).toList();
    }

    private static Image image(ListingImage image) {
        return new Image("/media/" + image.digest(), image.width(), image.height());
    }
}
