package dev.meshprov.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A password written into the URL is taken out of it (drivers log their URL) and passed on as the password. */
class JdbcUrlsTest {

    @Test
    void theOnlyParameterOfAPostgresUrl() {
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db:5432/meshprov?password=s3cret", true))
                .isEqualTo(new JdbcUrls.Connectable("jdbc:postgresql://db:5432/meshprov", Optional.of("s3cret")));
    }

    @Test
    void theFirstTheMiddleAndTheLastOfSeveralParameters() {
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db/m?password=a&user=u&ssl=true", true)
                        .url())
                .isEqualTo("jdbc:postgresql://db/m?user=u&ssl=true");
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db/m?user=u&PASSWORD=b&ssl=true", true))
                .isEqualTo(new JdbcUrls.Connectable("jdbc:postgresql://db/m?user=u&ssl=true", Optional.of("b")));
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db/m?user=u&password=c", true)
                        .url())
                .isEqualTo("jdbc:postgresql://db/m?user=u");
    }

    @Test
    void aPostgresPasswordIsDecodedAsTheDriverWouldAnH2OneIsNot() {
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db/m?password=p%26w%3Dd", true)
                        .password())
                .contains("p&w=d");
        assertThat(JdbcUrls.withoutPassword("jdbc:h2:file:/var/lib/meshprov/tasks;PASSWORD=p%41;MODE=x", false))
                .isEqualTo(
                        new JdbcUrls.Connectable("jdbc:h2:file:/var/lib/meshprov/tasks;MODE=x", Optional.of("p%41")));
    }

    @Test
    void aUrlWithoutAPasswordIsUnchanged() {
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db/m?user=u&passwordless=true", true))
                .isEqualTo(
                        new JdbcUrls.Connectable("jdbc:postgresql://db/m?user=u&passwordless=true", Optional.empty()));
    }
}
