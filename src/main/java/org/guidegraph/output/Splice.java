package org.guidegraph.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file as new text and runs of bytes copied from an earlier file: the unchanged parts of a large export
 * are copied by the kernel, never decoded or held. Adjacent copied runs are copied at once.
 */
final class Splice implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final FileChannel from;
    private final FileChannel to;
    private final Path file;
    private ByteBuffer text = ByteBuffer.allocate(BUFFER);
    private long copyStart = -1;
    private long copyEnd = -1;
    private long position;

    /** A new {@code file}, copying from {@code earlier} (null if nothing is copied). */
    Splice(Path file, Path earlier) throws IOException {
        this.file = file;
        this.to = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        FileChannel f = null;
        try {
            f = earlier == null ? null : FileChannel.open(earlier, StandardOpenOption.READ);
        } catch (IOException e) {
            to.close();
            throw e;
        }
        this.from = f;
    }

    /** Bytes written so far. */
    long position() {
        return position;
    }

    /** Appends text. */
    void write(String s) throws IOException {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends bytes. */
    void write(byte[] bytes) throws IOException {
        flushCopy();
        if (bytes.length > text.remaining()) {
            flushText();
            if (bytes.length > text.capacity()) {
                writeFully(ByteBuffer.wrap(bytes));
                position += bytes.length;
                return;
            }
        }
        text.put(bytes);
        position += bytes.length;
    }

    /** Appends {@code length} bytes of the earlier file, from {@code start}. */
    void copy(long start, long length) throws IOException {
        if (length == 0) {
            return;
        }
        if (from == null) {
            throw new IllegalStateException("nothing to copy from while writing " + file);
        }
        flushText();
        if (copyEnd == start) {
            copyEnd += length;
        } else {
            flushCopy();
            copyStart = start;
            copyEnd = start + length;
        }
        position += length;
    }

    private void flushText() throws IOException {
        if (text.position() > 0) {
            text.flip();
            writeFully(text);
            text.clear();
        }
    }

    private void flushCopy() throws IOException {
        if (copyStart < 0) {
            return;
        }
        long at = copyStart;
        while (at < copyEnd) {
            long n = from.transferTo(at, copyEnd - at, to);
            if (n <= 0) {
                throw new IOException("the earlier file of " + file.getFileName() + " ended at " + at
                        + " bytes, before " + copyEnd);
            }
            at += n;
        }
        copyStart = -1;
        copyEnd = -1;
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            to.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flushText();
            flushCopy();
        } finally {
            try {
                to.close();
            } finally {
                if (from != null) {
                    from.close();
                }
            }
        }
    }
}
