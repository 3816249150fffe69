package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Finds the files of an agency in the input folder by its globs, in a stable order, with their identity. */
public final class Inbox {
    private final Path inputDir;

    public Inbox(Path inputDir) {
        this.inputDir = inputDir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return inputDir;
    }

    /** Files matching any glob (relative to the input folder), sorted by relative name. */
    public List<Path> find(List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String g : globs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
        }
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(inputDir)) {
            return found;
        }
        try {
            Files.walkFileTree(inputDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path rel = inputDir.relativize(file);
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && !name.startsWith(".") && !name.startsWith("~$")) {
                        for (PathMatcher m : matchers) {
                            if (m.matches(rel)) {
                                found.add(file);
                                break;
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort((a, b) -> relative(a).compareTo(relative(b)));
        return found;
    }

    public String relative(Path file) {
        return inputDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    public InboxFile identify(String agencyCode, Path file) throws IOException {
        return identify(agencyCode, file, sha256(file));
    }

    /** The file with its identity, from its SHA-256 computed elsewhere. */
    public InboxFile identify(String agencyCode, Path file, String sha256) {
        return new InboxFile(agencyCode, file, relative(file), sha256, sha256.substring(0, 16));
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
