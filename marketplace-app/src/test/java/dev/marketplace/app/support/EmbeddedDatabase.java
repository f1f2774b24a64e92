package dev.marketplace.app.support;

import java.nio.file.Path;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The embedded default's own H2 address from {@code application.yml}, for a marketplace run in another folder. */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** The configured address with its {@code ./} resolved against {@code folder}. */
    public static String url(Path folder) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject().getProperty("spring.datasource.url")
                   .replace("jdbc:h2:file:./", "jdbc:h2:file:" + folder.toAbsolutePath() + "/");
    }
}
