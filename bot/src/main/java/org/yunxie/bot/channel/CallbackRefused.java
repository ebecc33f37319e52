package org.yunxie.bot.channel;

import org.springframework.http.HttpStatus;

/**
 * A callback that is not answered "success": forged, tampered, stale, sealed for someone else, or not
 * understood. Nothing of it is stored; the reason is for the log only and never quotes the content.
 */
public final class CallbackRefused extends RuntimeException {

    private final HttpStatus status;

    private CallbackRefused(HttpStatus status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public static CallbackRefused forbidden(String reason) {
        return new CallbackRefused(HttpStatus.FORBIDDEN, reason);
    }

    public static CallbackRefused badRequest(String reason) {
        return new CallbackRefused(HttpStatus.BAD_REQUEST, reason);
    }

    public static CallbackRefused notConfigured(String what) {
        return new CallbackRefused(HttpStatus.SERVICE_UNAVAILABLE, what + " is not configured");
    }

    public static CallbackRefused tooLarge() {
        return new CallbackRefused(HttpStatus.PAYLOAD_TOO_LARGE, "body too large");
    }

    public HttpStatus status() {
        return status;
    }
}
