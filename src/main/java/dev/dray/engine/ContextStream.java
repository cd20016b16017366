package dev.dray.engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tar of a build context as an input stream, written by a background thread while the engine
 * reads it. If writing fails the stream fails too, so a truncated context never looks complete.
 */
final class ContextStream extends InputStream {
  private static final int BUFFER = 256 * 1024;

  private final PipedInputStream pipe;
  private final AtomicReference<IOException> failure = new AtomicReference<>();

  private ContextStream(PipedInputStream pipe) {
    this.pipe = pipe;
  }

  static ContextStream start(Path context, String dockerfile) throws IOException {
    PipedInputStream in = new PipedInputStream(BUFFER);
    PipedOutputStream out = new PipedOutputStream(in);
    ContextStream stream = new ContextStream(in);
    Thread.ofPlatform()
        .daemon()
        .name("dray-build-context")
        .start(
            () -> {
              try {
                ContextArchive.write(context, dockerfile, new ReaderSide(out));
                out.close(); // the reader's end of stream: only after the whole archive
              } catch (ReaderGone e) {
                // the engine or the transport stopped reading; their error is reported instead
                closeQuietly(out);
              } catch (IOException | RuntimeException e) {
                // the failure is set before the pipe ends, so the reader never sees a clean end
                stream.failure.set(e instanceof IOException io ? io : new IOException(e));
                closeQuietly(out);
              }
            });
    return stream;
  }

  /** Why writing the context failed, if it did. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure.get());
  }

  @Override
  public int read() throws IOException {
    int b = pipe.read();
    return b < 0 ? end() : b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = pipe.read(b, off, len);
    return n < 0 ? end() : n;
  }

  private int end() throws IOException {
    IOException e = failure.get();
    if (e != null) {
      throw new IOException("build context could not be written", e);
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    pipe.close();
  }

  private static void closeQuietly(PipedOutputStream out) {
    try {
      out.close();
    } catch (IOException ignored) {
      // the reader sees the failure instead
    }
  }

  /**
   * The pipe to the reader; a failed write means the reader went away, not a bad context. Closing
   * it leaves the pipe open: the archive closes its stream even when it fails half-way, and the
   * reader must not see an end before it can know whether the archive was complete.
   */
  private static final class ReaderSide extends FilterOutputStream {
    ReaderSide(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new ReaderGone(e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void close() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw new ReaderGone(e);
      }
    }
  }

  /** Writing to the pipe failed because nobody reads it any more. */
  private static final class ReaderGone extends IOException {
    private static final long serialVersionUID = 1L;

    ReaderGone(IOException cause) {
      super(cause);
    }
  }
}
