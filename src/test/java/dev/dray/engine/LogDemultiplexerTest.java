package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogDemultiplexerTest {
  private static final int STDOUT = 1;
  private static final int STDERR = 2;

  private final ByteArrayOutputStream stream = new ByteArrayOutputStream();

  private LogDemultiplexerTest frame(int type, byte[] payload) {
    int n = payload.length;
    stream.writeBytes(
        new byte[] {
          (byte) type, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n
        });
    stream.writeBytes(payload);
    return this;
  }

  private LogDemultiplexerTest frame(int type, String text) {
    return frame(type, text.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> lines(int limit) throws IOException {
    return LogDemultiplexer.lines(new ByteArrayInputStream(stream.toByteArray()), false, limit);
  }

  @Test
  void interleavesStdoutAndStderrInTheOrderWritten() throws Exception {
    frame(STDOUT, "out 1\n").frame(STDERR, "err 1\n").frame(STDOUT, "out 2\nout 3\n");

    assertThat(lines(-1)).containsExactly("out 1", "err 1", "out 2", "out 3");
  }

  @Test
  void joinsALineSplitAcrossFramesOfOneStream() throws Exception {
    frame(STDOUT, "migr").frame(STDERR, "warning\n").frame(STDOUT, "ating\r\n");

    assertThat(lines(-1)).containsExactly("warning", "migrating");
  }

  @Test
  void joinsAUtf8CharacterSplitAcrossFrames() throws Exception {
    byte[] text = "grüße\n".getBytes(StandardCharsets.UTF_8);
    frame(STDOUT, Arrays.copyOfRange(text, 0, 3))
        .frame(STDOUT, Arrays.copyOfRange(text, 3, text.length));

    assertThat(lines(-1)).containsExactly("grüße");
  }

  @Test
  void keepsOnlyTheLastLinesIncludingAnUnterminatedOne() throws Exception {
    frame(STDOUT, "1\n2\n3\n").frame(STDERR, "4");

    assertThat(lines(2)).containsExactly("3", "4");
    assertThat(lines(0)).isEmpty();
  }

  @Test
  void anEmptyAnswerHasNoLines() throws Exception {
    assertThat(lines(10)).isEmpty();
  }

  @Test
  void readsTheRawBytesOfATtyContainer() throws Exception {
    byte[] raw = "\u0001 not a frame\r\nsecond".getBytes(StandardCharsets.UTF_8);

    assertThat(LogDemultiplexer.lines(new ByteArrayInputStream(raw), true, -1))
        .containsExactly("\u0001 not a frame", "second");
  }

  @Test
  void rejectsAStreamThatIsNotMultiplexed() {
    stream.writeBytes("hello world\n".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> lines(-1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a multiplexed log stream");
  }

  @Test
  void rejectsAFrameThatBreaksOff() {
    frame(STDOUT, "complete\n");
    byte[] whole = stream.toByteArray();
    stream.reset();
    frame(STDOUT, "cut short\n");
    byte[] cut = Arrays.copyOf(stream.toByteArray(), 12);
    stream.reset();
    stream.writeBytes(whole);
    stream.writeBytes(cut);

    assertThatThrownBy(() -> lines(-1)).isInstanceOf(EOFException.class);
  }
}
