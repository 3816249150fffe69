package org.feedbackharmonizer.deidentify;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the pseudonymization secret: the environment variable {@value #ENV_VAR} if it is set, otherwise the key
 * file, which is created (owner-only, 32 random bytes) on first use.
 *
 * <p>The key is written and read as base64 or hex text. Text that is all hex digits and of even length is read
 * as hex, anything else as base64; the keys this class writes (44 characters, ending in {@code =}) are never
 * mistaken for hex.
 */
public final class KeyFile {
    public static final String ENV_VAR = "HARMONIZER_KEY";
    static final int NEW_KEY_BYTES = 32;

    // A key file is one line; anything much larger is not a key file, and is not read into memory.
    private static final long MAX_FILE_BYTES = 4096;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_READ_WRITE = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HOW_TO_MAKE_ONE = "generate one with `openssl rand -base64 32`";

    private KeyFile() {}

    /**
     * The secret for this run.
     *
     * @param keyFile used only when {@value #ENV_VAR} is not set
     * @param env the process environment ({@code System.getenv()}), a parameter so tests can supply their own
     * @throws KeyProblem if the variable or the file holds no usable key, or the file is open to group/others
     */
    public static SecretKeySource resolve(Path keyFile, Map<String, String> env) throws KeyProblem {
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null) {
            // Set but empty is a mistake (an unset variable in a template), not a request for the key file:
            // silently falling back would give every referral a different key from the last run.
            byte[] key = decode(fromEnv, "environment variable " + ENV_VAR);
            try {
                return new SecretKeySource(key, SecretKeySource.Origin.ENVIRONMENT, null);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        Objects.requireNonNull(keyFile, "keyFile");
        if (Files.exists(keyFile)) {
            return existing(keyFile);
        }
        return create(keyFile);
    }

    private static SecretKeySource existing(Path keyFile) throws KeyProblem {
        byte[] key = read(keyFile);
        try {
            return new SecretKeySource(key, SecretKeySource.Origin.KEY_FILE, keyFile);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] read(Path keyFile) throws KeyProblem {
        if (!Files.isRegularFile(keyFile)) {
            throw new KeyProblem("key file " + keyFile + " is not a regular file; point the key file setting at "
                    + "the key file or remove what is there");
        }
        try {
            if (isPosix(keyFile)) {
                Set<PosixFilePermission> perms =
                        Files.readAttributes(keyFile, PosixFileAttributes.class).permissions();
                if (perms.stream().anyMatch(GROUP_OR_OTHERS_READ_WRITE::contains)) {
                    throw new KeyProblem("key file " + keyFile + " is readable or writable by group or others ("
                            + PosixFilePermissions.toString(perms) + "); run `chmod 600 " + keyFile
                            + "`, and if others may have copied it, treat the key as exposed and rotate it"
                            + " (docs/privacy.md)");
                }
            }
            if (Files.size(keyFile) > MAX_FILE_BYTES) {
                throw new KeyProblem("key file " + keyFile + " is too large to be a key file; check the path");
            }
            byte[] content = Files.readAllBytes(keyFile);
            try {
                return decode(new String(content, US_ASCII), "key file " + keyFile);
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        } catch (AccessDeniedException e) {
            throw new KeyProblem(
                    "key file " + keyFile + " cannot be read by this user; run the harmonizer as the"
                            + " file's owner or set " + ENV_VAR,
                    e);
        } catch (NoSuchFileException e) {
            throw new KeyProblem("key file " + keyFile + " disappeared while being read; run again", e);
        } catch (IOException e) {
            throw new KeyProblem(
                    "key file " + keyFile + " cannot be read (" + e.getClass().getSimpleName()
                            + "); check the disk and the file's permissions",
                    e);
        }
    }

    /**
     * Creates the key file atomically with owner-only permissions, so there is no moment when another user
     * could read it. If another process creates it first, that process's key is used.
     */
    private static SecretKeySource create(Path keyFile) throws KeyProblem {
        boolean posix = isPosix(keyFile);
        byte[] key = new byte[NEW_KEY_BYTES];
        RANDOM.nextBytes(key);
        byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(US_ASCII);
        try {
            Path parent = keyFile.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                if (posix) {
                    Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectories(parent);
                }
            }
            try {
                if (posix) {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
                    // The umask can only take bits away; this makes sure the owner can still write the key.
                    Files.setPosixFilePermissions(keyFile, OWNER_READ_WRITE);
                } else {
                    Files.createFile(keyFile);
                }
            } catch (FileAlreadyExistsException raced) {
                return existing(keyFile);
            }
            try (FileChannel channel = FileChannel.open(keyFile, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (IOException e) {
                // An empty key file would refuse every later run as "too short"; leave nothing behind instead.
                Files.deleteIfExists(keyFile);
                throw e;
            }
            return new SecretKeySource(key, SecretKeySource.Origin.NEW_KEY_FILE, keyFile);
        } catch (IOException e) {
            throw new KeyProblem(
                    "could not create key file " + keyFile + " (" + e.getClass().getSimpleName()
                            + "); make its directory writable by this user, or set " + ENV_VAR,
                    e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Hex or base64 text to key bytes. On failure the message says what was wrong in general terms only: the
     * decoder's own message quotes the offending character, which is part of the key.
     */
    static byte[] decode(String text, String where) throws KeyProblem {
        String compact = text.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            throw new KeyProblem(where + " is empty; " + HOW_TO_MAKE_ONE);
        }
        byte[] key;
        if (compact.length() % 2 == 0 && compact.chars().allMatch(KeyFile::isHexDigit)) {
            key = HexFormat.of().parseHex(compact);
        } else {
            try {
                key = Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException notBase64) {
                try {
                    key = Base64.getUrlDecoder().decode(compact);
                } catch (IllegalArgumentException notUrlBase64) {
                    throw new KeyProblem(where + " is neither base64 nor hex; " + HOW_TO_MAKE_ONE);
                }
            }
        }
        if (key.length < Pseudonymizer.MIN_KEY_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new KeyProblem(where + " holds a " + length + "-byte key, at least " + Pseudonymizer.MIN_KEY_BYTES
                    + " are needed; " + HOW_TO_MAKE_ONE);
        }
        return key;
    }

    private static boolean isHexDigit(int ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
