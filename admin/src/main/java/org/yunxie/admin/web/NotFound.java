package org.yunxie.admin.web;

/**
 * Something the account may not see, or that does not exist: answered alike with 404, so that staff of one
 * community cannot learn what exists in another.
 */
public class NotFound extends RuntimeException {

    public NotFound() {
        super("not found", null, false, false);
    }
}
