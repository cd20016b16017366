package dev.dray.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VertexNameTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[python-deps 2/4] RUN pip install -r r.txt | true  | python-deps | RUN pip install -r r.txt | false",
        "[base 1/3] FROM 127.0.0.1:5000/dray/busybox:1 | true | base | FROM 127.0.0.1:5000/dray/busybox:1 | true",
        "[stage-1 2/2] COPY --from=0 /a /b             | true  | stage-1 | COPY --from=0 /a /b | false",
        "[2/3] RUN make                                | true  |         | RUN make | false",
        "[linux/arm64 builder 3/5] RUN make            | true  | builder | RUN make | false",
        "[internal] load build definition from Dockerfile | false |     | [internal] load build definition from Dockerfile | false",
        "exporting to image                            | false |         | exporting to image | false",
      })
  void splitsStageAndStep(String raw, boolean stageStep, String stage, String step, boolean from) {
    VertexName name = VertexName.parse(raw);

    assertThat(name.stageStep()).isEqualTo(stageStep);
    assertThat(name.stage()).isEqualTo(Optional.ofNullable(stage));
    assertThat(name.step()).isEqualTo(step);
    assertThat(name.isFrom()).isEqualTo(from);
  }
}
