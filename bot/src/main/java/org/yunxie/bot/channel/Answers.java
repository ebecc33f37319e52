package org.yunxie.bot.channel;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How the callbacks answer WeCom. */
public final class Answers {

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private Answers() {
    }

    /** A bare text body, as WeCom reads it: no quotes, no BOM, no line end. */
    public static ResponseEntity<String> plain(String text) {
        return ResponseEntity.ok().contentType(TEXT).body(text);
    }

    /** Not "success": the status says why in general terms, the content is never echoed. */
    public static ResponseEntity<String> xml(String xml) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .body(xml);
    }

    public static ResponseEntity<String> refusal(CallbackRefused refused) {
        return ResponseEntity.status(refused.status()).contentType(TEXT).body(refused.status().getReasonPhrase());
    }
}
