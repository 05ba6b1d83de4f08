package dev.meshprov.mwaa;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Added to S3Mock's Spring context so that its extra plain-HTTP connector listens on 127.0.0.1 only, like its main
 * connector (which follows {@code server.address}).
 */
@Configuration
public class LoopbackOnly {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> loopbackConnectors() {
        return factory -> factory.getAdditionalTomcatConnectors()
                .forEach(connector -> connector.setProperty("address", "127.0.0.1"));
    }
}
