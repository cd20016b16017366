package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTailTest {

  @Test
  void joinsChunksThatSplitALine() {
    LogTail tail = new LogTail(20);
    tail.append("v", "hel");
    tail.append("v", "lo\r\nwor");
    tail.append("v", "ld\n");

    assertThat(tail.of("v")).containsExactly("hello", "world");
  }

  @Test
  void keepsOnlyTheLastLinesIncludingAnUnterminatedOne() {
    LogTail tail = new LogTail(3);
    tail.append("v", "1\n2\n3\n4\n5");

    assertThat(tail.of("v")).containsExactly("3", "4", "5");
  }

  @Test
  void keepsVerticesApart() {
    LogTail tail = new LogTail(20);
    tail.append("a", "from a\n");
    tail.append("b", "from b\n");

    assertThat(tail.of("a")).containsExactly("from a");
    assertThat(tail.of("unknown")).isEmpty();
  }
}
