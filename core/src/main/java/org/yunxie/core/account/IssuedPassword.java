package org.yunxie.core.account;

/** A generated password, shown once to whoever created or reset the account, never stored in clear. */
public record IssuedPassword(Account account, String password) {

    @Override
    public String toString() {
        return "IssuedPassword[" + account.username() + "]";
    }
}
