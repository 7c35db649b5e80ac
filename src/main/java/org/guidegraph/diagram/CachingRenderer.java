package org.guidegraph.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A content-addressed cache in front of another renderer: the SVG for a DOT text is kept in
 * {@code <folder>/<sha-256 of the DOT text, UTF-8, hex>.svg}. A hit reads that file and does not run the layout;
 * a miss renders, then writes the file atomically (a half-written file is never seen, even by a build running
 * beside this one).
 *
 * <p>The folder must be specific to what produces the SVG (engine and post-processing); {@link Diagrams#renderer}
 * picks {@code <cache>/<engine>-<format version>/}.
 */
public final class CachingRenderer implements DiagramRenderer {

    private final DiagramRenderer inner;
    private final Path folder;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @param inner renders on a miss
     * @param folder holds the cached SVG files; created when first written
     */
    public CachingRenderer(DiagramRenderer inner, Path folder) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String render(String dot) {
        Path file = fileFor(dot);
        try {
            String svg = Files.readString(file, StandardCharsets.UTF_8);
            hits.incrementAndGet();
            return svg;
        } catch (NoSuchFileException e) {
            // a miss: render below
        } catch (IOException e) {
            throw new DiagramException("cannot read the cached diagram " + file + ": " + e.getMessage()
                    + " (delete the file to render it again)", e);
        }
        misses.incrementAndGet();
        String svg = inner.render(dot);
        write(file, svg);
        return svg;
    }

    /** The cache file for this DOT text (whether or not it exists yet). */
    public Path fileFor(String dot) {
        return folder.resolve(sha256(dot) + ".svg");
    }

    /** How many renders were answered from the cache. */
    public long hits() {
        return hits.get();
    }

    /** How many renders went to the inner renderer. */
    public long misses() {
        return misses.get();
    }

    private void write(Path file, String svg) {
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, svg, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new DiagramException("cannot write the diagram cache file " + file + ": " + e.getMessage()
                    + " (check that the cache folder is writable)", e);
        }
    }

    /** The SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
