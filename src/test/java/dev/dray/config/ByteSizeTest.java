package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2GB, 2000000000",
    "2gb, 2000000000",
    "500MB, 500000000",
    "1KB, 1000",
    "512B, 512",
    "1KiB, 1024",
    "500MiB, 524288000",
    "1.5 GiB, 1610612736",
    "' 3 MB ', 3000000",
  })
  void readsSizesWithDecimalAndBinaryUnits(String text, long bytes) {
    assertThat(ByteSize.parse(text)).isEqualTo(OptionalLong.of(bytes));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2", "2 TB", "GB", "-1GB", "0MB", "1,5GB", "2 G", "99999999999GiB"})
  void rejectsTextThatIsNotAPositiveSizeWithAUnit(String text) {
    assertThat(ByteSize.parse(text)).isEmpty();
  }
}
