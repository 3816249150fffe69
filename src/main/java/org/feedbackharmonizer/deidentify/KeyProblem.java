package org.feedbackharmonizer.deidentify;

/**
 * The pseudonymization secret cannot be used. The message is one line naming where the key was looked for and
 * what to do; it never holds key material, not even a fragment of an undecodable key.
 */
public final class KeyProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyProblem(String message) {
        super(message, null, false, false);
    }

    public KeyProblem(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
