package org.yunxie.admin.web;

/** The account sees the community but its role may not do this. */
public class Forbidden extends RuntimeException {

    public Forbidden() {
        super("forbidden", null, false, false);
    }
}
