package org.yunxie.bot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application in the embedded profile, as a first run starts it: demo data, Quartz, web server.
 * Always on an in-memory H2 and its own Redis, even where YUNXIE_DB_URL / YUNXIE_REDIS_URL name real
 * servers (as in CI): this is the first-run experience, and the demo seeds only into an empty database.
 * Test classes carrying this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:bot-embedded-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "yunxie.redis.embedded=true",
        "yunxie.redis.url=",
        // A fixed key, so tests never write a key file into the working directory.
        "yunxie.ballot.seal-key=dGVzdC1vbmx5LWJhbGxvdC1zZWFsLWtleS0zMi1ieXRlcw=="})
@ActiveProfiles("embedded")
public @interface EmbeddedDemoTest {
}
