package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextLinkTest {
  private final URI current = URI.create("http://127.0.0.1:5000/v2/team/app/tags/list");

  @Test
  void resolvesRelativeNextLinkAgainstTheCurrentPage() {
    assertThat(NextLink.find(List.of("</v2/team/app/tags/list?n=2&last=b>; rel=\"next\""), current))
        .contains(URI.create("http://127.0.0.1:5000/v2/team/app/tags/list?n=2&last=b"));
  }

  @Test
  void picksNextAmongSeveralLinks() {
    assertThat(
            NextLink.find(
                List.of("<https://x/prev>; rel=\"prev\", <https://x/next?last=c>; rel=next"),
                current))
        .contains(URI.create("https://x/next?last=c"));
  }

  @Test
  void isEmptyOnTheLastPage() {
    assertThat(NextLink.find(List.of(), current)).isEmpty();
    assertThat(NextLink.find(List.of("<https://x/prev>; rel=\"prev\""), current)).isEmpty();
  }
}
