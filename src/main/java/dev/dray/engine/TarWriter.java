package dev.dray.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a tar archive in ustar format, adding PAX extended headers for what ustar cannot hold
 * (long or non-ASCII names and link targets, files of 8 GiB and more). Owners are always 0:0.
 */
final class TarWriter implements Closeable {
  private static final int BLOCK = 512;
  private static final long MAX_USTAR_SIZE = 077777777777L;
  private static final byte[] ZEROS = new byte[BLOCK];

  private final OutputStream out;
  private boolean closed;

  TarWriter(OutputStream out) {
    this.out = out;
  }

  void directory(String name, int mode, Instant mtime) throws IOException {
    String dir = name.endsWith("/") ? name : name + "/";
    header(dir, '5', mode, 0, mtime, "");
  }

  void file(String name, int mode, Instant mtime, long size, InputStream content)
      throws IOException {
    header(name, '0', mode, size, mtime, "");
    long copied = content.transferTo(new BoundedOutput(out, size));
    if (copied != size) {
      throw new IOException(name + " changed while archiving: expected " + size + " bytes");
    }
    pad(size);
  }

  void symlink(String name, String target, Instant mtime) throws IOException {
    header(name, '2', 0777, 0, mtime, target);
  }

  private void header(String name, char type, int mode, long size, Instant mtime, String link)
      throws IOException {
    Map<String, String> pax = new LinkedHashMap<>();
    String[] split = splitName(name);
    if (split == null) {
      pax.put("path", name);
      split = new String[] {"", truncate(name, 100)};
    }
    if (!fitsUstar(link, 100)) {
      pax.put("linkpath", link);
      link = truncate(link, 100);
    }
    if (size > MAX_USTAR_SIZE) {
      pax.put("size", Long.toString(size));
    }
    if (!pax.isEmpty()) {
      byte[] records = paxRecords(pax);
      String paxName = truncate("PaxHeaders.0/" + split[1], 100);
      out.write(block(paxName, "", 'x', 0644, records.length, mtime, ""));
      out.write(records);
      pad(records.length);
    }
    long ustarSize = size > MAX_USTAR_SIZE ? 0 : size;
    out.write(block(split[1], split[0], type, mode, ustarSize, mtime, link));
  }

  private static byte[] block(
      String name, String prefix, char type, int mode, long size, Instant mtime, String link) {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, name);
    octal(h, 100, 8, mode & 07777);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, Math.max(0, mtime.getEpochSecond()));
    h[156] = (byte) type;
    put(h, 157, 100, link);
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    put(h, 345, 155, prefix);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    String checksum = String.format("%06o", sum);
    put(h, 148, 6, checksum);
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  /** {@code [prefix, name]} when the path fits ustar's two fields, else null. */
  private static String[] splitName(String path) {
    if (fitsUstar(path, 100)) {
      return new String[] {"", path};
    }
    if (!fitsUstar(path, 256)) {
      return null;
    }
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      String prefix = path.substring(0, i);
      String name = path.substring(i + 1);
      if (prefix.length() <= 155 && name.length() <= 100 && !name.isEmpty()) {
        return new String[] {prefix, name};
      }
    }
    return null;
  }

  private static boolean fitsUstar(String s, int max) {
    return s.length() <= max && s.chars().allMatch(c -> c > 0 && c < 128);
  }

  private static String truncate(String s, int max) {
    String ascii = s.replaceAll("[^\\x01-\\x7f]", "_");
    return ascii.length() <= max ? ascii : ascii.substring(ascii.length() - max);
  }

  private static byte[] paxRecords(Map<String, String> pax) {
    StringBuilder sb = new StringBuilder();
    pax.forEach(
        (key, value) -> {
          int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
          int length = body + Integer.toString(body).length();
          if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
          }
          sb.append(length).append(' ').append(key).append('=').append(value).append('\n');
        });
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void put(byte[] h, int offset, int length, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, h, offset, Math.min(length, bytes.length));
  }

  private static void octal(byte[] h, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
    put(h, offset, length - 1, padded);
    h[offset + length - 1] = 0;
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(ZEROS, 0, BLOCK - rest);
    }
  }

  /** Ends the archive with two zero blocks and closes the stream. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.write(ZEROS);
      out.write(ZEROS);
      out.close();
    }
  }

  /** Passes at most {@code limit} bytes through, failing when a file grew while archived. */
  private static final class BoundedOutput extends OutputStream {
    private final OutputStream out;
    private long remaining;

    BoundedOutput(OutputStream out, long limit) {
      this.out = out;
      this.remaining = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > remaining) {
        throw new IOException("file grew while archiving");
      }
      out.write(b, off, len);
      remaining -= len;
    }
  }
}
