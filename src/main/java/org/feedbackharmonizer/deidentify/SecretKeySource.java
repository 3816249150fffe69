package org.feedbackharmonizer.deidentify;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The pseudonymization secret and where it came from. {@link #toString()} names the origin and the key's
 * fingerprint, never the key.
 */
public final class SecretKeySource {

    /** Where the secret came from. */
    public enum Origin {
        /** The environment variable {@value KeyFile#ENV_VAR}. */
        ENVIRONMENT,
        /** An existing key file. */
        KEY_FILE,
        /** A key file this run has just created: the key is new, and needs a back-up. */
        NEW_KEY_FILE
    }

    private final byte[] key;
    private final Origin origin;
    private final Path file;
    private final String fingerprint;

    SecretKeySource(byte[] key, Origin origin, Path file) {
        this.key = key.clone();
        this.origin = Objects.requireNonNull(origin);
        this.file = file;
        this.fingerprint = Pseudonymizer.fingerprintOf(key);
    }

    /** A copy of the secret; wipe it ({@code Arrays.fill(k, (byte) 0)}) when done. */
    public byte[] key() {
        return key.clone();
    }

    public Origin origin() {
        return origin;
    }

    /** The key file, empty when the key came from the environment. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** True when this run created the key file: the caller logs {@link #creationNotice()} once. */
    public boolean created() {
        return origin == Origin.NEW_KEY_FILE;
    }

    /** The line to log once when the key was just created; empty otherwise. */
    public Optional<String> creationNotice() {
        return created()
                ? Optional.of("created a new pseudonymization key at " + file
                        + "; back it up: without it referral keys cannot be reproduced")
                : Optional.empty();
    }

    /** Safe to publish; see {@link Pseudonymizer#fingerprint()}. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Where the key came from, in words fit for a log line. */
    public String description() {
        return origin == Origin.ENVIRONMENT ? "environment variable " + KeyFile.ENV_VAR : "key file " + file;
    }

    public Pseudonymizer pseudonymizer() {
        return new Pseudonymizer(key);
    }

    @Override
    public String toString() {
        return "SecretKeySource[" + description() + ", fingerprint " + fingerprint + "]";
    }
}
