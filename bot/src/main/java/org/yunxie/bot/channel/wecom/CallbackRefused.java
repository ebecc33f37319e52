package org.yunxie.bot.channel.wecom;

import org.springframework.http.HttpStatus;

/**
 * A callback that is not answered "success": forged, tampered, stale, sealed for someone else, or not
 * understood. Nothing of it is stored; the reason is for the log only and never quotes the content.
 */
final class CallbackRefused extends RuntimeException {

    private final HttpStatus status;

    private CallbackRefused(HttpStatus status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static CallbackRefused forbidden(String reason) {
        return new CallbackRefused(HttpStatus.FORBIDDEN, reason);
    }

    static CallbackRefused badRequest(String reason) {
        return new CallbackRefused(HttpStatus.BAD_REQUEST, reason);
    }

    static CallbackRefused notConfigured(String what) {
        return new CallbackRefused(HttpStatus.SERVICE_UNAVAILABLE, what + " is not configured");
    }

    static CallbackRefused tooLarge() {
        return new CallbackRefused(HttpStatus.PAYLOAD_TOO_LARGE, "body too large");
    }

    HttpStatus status() {
        return status;
    }
}
