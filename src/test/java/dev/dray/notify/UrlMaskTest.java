package dev.dray.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlMaskTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "telegram://123:ABCsecret@telegram?chats=1,@news | telegram://***@telegram?chats=1,@news",
        "TELEGRAM://123:ABC@telegram?chats=1&token=x | telegram://***@telegram?chats=1&token=***",
        "slack://T0/B0/XYZsecret | slack://T0/B0/***",
        "slack://XYZsecret | slack://***",
        "slack://T0/XYZsecret | slack://T0/***",
        "slack://hooks.slack.com/services/T0/B0/XYZ | slack://hooks.slack.com/***/***/***/***",
        "slack://hook:XYZsecret@webhook | slack://***@***",
        "smtp://dray:pw@mail.example.com:587/?from=a@b.c&to=d@e.f&password=pw"
            + " | smtp://dray:***@mail.example.com:587/?from=a@b.c&to=d@e.f&password=***",
        "smtp://dray@mail.example.com/?from=a@b.c | smtp://dray@mail.example.com/?from=a@b.c",
        "generic+https://u:pw@example.com/x?token=abc&flag | generic+https://u:***@example.com/x?token=***&***",
        "generic+https://tokenonly@example.com/x | generic+https://***@example.com/x",
        "generic+http://127.0.0.1:9000/hook | generic+http://127.0.0.1:9000/hook",
        "smtp://dray:pass/word@mail.example.com/?from=a@b.c | smtp://***",
        "smtp://dray:pass?word@mail.example.com/ | smtp://***",
        "generic+https://u:pw@example.com/x?bad=%zz | generic+https://***",
        "telegram://${TG_TOKEN}@telegram?chats=${CHAT} | telegram://***@telegram?chats=${CHAT}",
        "generic+https://example.com/hook/${HOOK_ID} | generic+https://example.com/hook/${HOOK_ID}",
        "generic+https://example.com:${PORT}/hook | generic+https://example.com:${PORT}/hook",
        "nonsense with spaces | ***",
        "smtp:dray:pw@host | smtp:***",
        "other://user:pw@host/path#frag | other://***@host/path#***"
      })
  void masksTokensPasswordsAndQueryValues(String url, String masked) {
    assertThat(UrlMask.mask(url)).isEqualTo(masked);
  }

  @Test
  void showsAnEmptyUrlAsQuotes() {
    assertThat(UrlMask.mask("")).isEqualTo("''");
    assertThat(UrlMask.mask(null)).isEqualTo("''");
  }
}
