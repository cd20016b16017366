package dev.dray.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotifyUrlParserTest {
  private static final Map<String, String> ENV =
      Map.of(
          "TG_TOKEN", "123456:EnvTokenSecret",
          "SLACK_HOOK", "T0AAA/B0BBB/EnvSlackSecret",
          "SMTP_PASSWORD", "p@ss/w:rd#1");

  private static NotifyUrl parse(String url) {
    return NotifyUrlParser.parse(0, url, ENV);
  }

  @Test
  void readsTelegramChatsAndToken() {
    TelegramUrl url =
        (TelegramUrl)
            parse("telegram://110201543:AAHdqTcv_Ch1-vG@telegram?chats=123,-1001234567890,@news");

    assertThat(url.token().reveal()).isEqualTo("110201543:AAHdqTcv_Ch1-vG");
    assertThat(url.chats()).containsExactly("123", "-1001234567890", "@news");
    assertThat(url.notification()).isTrue();
    assertThat(url.describe()).isEqualTo("telegram://***@telegram?chats=123,-1001234567890,@news");
    assertThat(url).hasToString(url.describe());
  }

  @Test
  void readsTelegramChannelsAliasAndSilentNotification() {
    TelegramUrl url = (TelegramUrl) parse("telegram://1:A@Telegram/?Channels=@x&notification=no");

    assertThat(url.chats()).containsExactly("@x");
    assertThat(url.notification()).isFalse();
  }

  @Test
  void fillsTheTokenFromTheEnvironment() {
    TelegramUrl url = (TelegramUrl) parse("telegram://${TG_TOKEN}@telegram?chats=1");

    assertThat(url.token().reveal()).isEqualTo("123456:EnvTokenSecret");
    assertThat(url.describe()).isEqualTo("telegram://***@telegram?chats=1");
  }

  @Test
  void readsSlackWebhookTokens() {
    SlackUrl url = (SlackUrl) parse("slack://T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX");

    assertThat(url.webhookPath())
        .isEqualTo("services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX");
    assertThat(url.describe()).isEqualTo("slack://T00000000/B00000000/***");
  }

  @Test
  void readsAllThreeSlackTokensFromOneVariable() {
    SlackUrl url = (SlackUrl) parse("slack://${SLACK_HOOK}");

    assertThat(url.webhookPath()).isEqualTo("services/T0AAA/B0BBB/EnvSlackSecret");
    assertThat(url.describe()).isEqualTo("slack://***");
  }

  @Test
  void readsSmtpServerLoginAndAddresses() {
    SmtpUrl url =
        (SmtpUrl)
            parse(
                "smtp://dray:s3cret@mail.example.com:587/?from=dray@example.com"
                    + "&to=ops@example.com,%20dev@example.com&subject=Deploy%20done&fromname=dray%20bot");

    assertThat(url.host()).isEqualTo("mail.example.com");
    assertThat(url.port()).isEqualTo(587);
    assertThat(url.username()).contains("dray");
    assertThat(url.password().orElseThrow().reveal()).isEqualTo("s3cret");
    assertThat(url.from()).isEqualTo("dray@example.com");
    assertThat(url.to()).containsExactly("ops@example.com", "dev@example.com");
    assertThat(url.subject()).contains("Deploy done");
    assertThat(url.fromName()).contains("dray bot");
    assertThat(url.startTls()).isTrue();
    assertThat(url.describe())
        .isEqualTo(
            "smtp://dray:***@mail.example.com:587/?from=dray@example.com"
                + "&to=ops@example.com,%20dev@example.com&subject=Deploy%20done&fromname=dray%20bot");
  }

  @Test
  void readsSmtpShoutrrrAliasesDefaultsAndPlainConnections() {
    SmtpUrl url =
        (SmtpUrl)
            parse(
                "smtp://127.0.0.1/?fromAddress=a@example.com&toAddresses=b@example.com&UseStartTLS=no");

    assertThat(url.port()).isEqualTo(25);
    assertThat(url.username()).isEmpty();
    assertThat(url.password()).isEmpty();
    assertThat(url.subject()).isEmpty();
    assertThat(url.startTls()).isFalse();
  }

  @Test
  void decodesEscapedSmtpLoginsAndPasswordsFromTheEnvironment() {
    SmtpUrl escaped =
        (SmtpUrl) parse("smtp://me%40example.com:p%3Ass@mail.example.com/?from=a@b.io&to=c@d.io");
    SmtpUrl fromEnv =
        (SmtpUrl) parse("smtp://me:${SMTP_PASSWORD}@mail.example.com/?from=a@b.io&to=c@d.io");

    assertThat(escaped.username()).contains("me@example.com");
    assertThat(escaped.password().orElseThrow().reveal()).isEqualTo("p:ss");
    assertThat(fromEnv.password().orElseThrow().reveal()).isEqualTo("p@ss/w:rd#1");
    assertThat(fromEnv.describe())
        .isEqualTo("smtp://me:***@mail.example.com/?from=a@b.io&to=c@d.io");
  }

  @Test
  void readsGenericWebhooksWithBasicAuthAndForwardedQuery() {
    GenericUrl url =
        (GenericUrl) parse("generic+http://hook:pw@127.0.0.1:9000/hooks/deploy?token=abc123&x=1");

    assertThat(url.target())
        .isEqualTo(URI.create("http://127.0.0.1:9000/hooks/deploy?token=abc123&x=1"));
    assertThat(url.username()).contains("hook");
    assertThat(url.password().orElseThrow().reveal()).isEqualTo("pw");
    assertThat(url.describe())
        .isEqualTo("generic+http://hook:***@127.0.0.1:9000/hooks/deploy?token=***&x=***");
  }

  @Test
  void readsGenericHttpsWithoutLogin() {
    GenericUrl url = (GenericUrl) parse("generic+https://example.com/hook");

    assertThat(url.target()).isEqualTo(URI.create("https://example.com/hook"));
    assertThat(url.username()).isEmpty();
    assertThat(url.password()).isEmpty();
  }

  static Stream<Arguments> badUrls() {
    return Stream.of(
        bad("", "url", "the URL is empty"),
        bad("not a url", "url", "not a valid URL: illegal character in path at character 4"),
        bad(
            "telegrm://1:A@telegram?chats=1",
            "scheme",
            "unknown scheme 'telegrm' (did you mean 'telegram'?)"),
        bad(
            "https://example.com/hook",
            "scheme",
            "a plain https:// URL does not say how to notify"),
        bad(
            "smtps://mail.example.com/?from=a@b.io&to=c@d.io",
            "scheme",
            "smtps:// (implicit TLS) is not supported"),
        bad("mailto:ops@example.com", "scheme", "expected mailto://… after the scheme"),
        bad("telegram://1:A@telegram?chats=1#x", "fragment", "a notify URL has no #fragment"),
        bad(
            "telegram://${MISSING_TOKEN}@telegram?chats=1",
            "${MISSING_TOKEN}",
            "${MISSING_TOKEN} is not set in dray's environment"),
        bad(
            "telegram://${1BAD}@telegram?chats=1",
            "${…}",
            "'${' at character 12 does not start a ${NAME} reference"),
        bad("telegram://telegram?chats=1", "token", "the bot token is missing before @telegram"),
        bad(
            "telegram://notatoken@telegram?chats=1",
            "token",
            "the bot token does not look like <bot id>:<secret> from @BotFather"),
        bad(
            "telegram://1:A@api.telegram.org?chats=1",
            "host",
            "the host must be 'telegram' (with no port)"),
        bad(
            "telegram://1:A@telegram/sendMessage?chats=1",
            "path",
            "a telegram URL has no path after @telegram"),
        bad("telegram://1:A@telegram", "chats", "the chats parameter is missing"),
        bad(
            "telegram://1:A@telegram?chat=1",
            "chat",
            "unknown query parameter 'chat' (did you mean 'chats'?)"),
        bad("telegram://1:A@telegram?chats=", "chats", "chats has an empty entry"),
        bad(
            "telegram://1:A@telegram?chats=1,news",
            "chats",
            "'news' in chats is not a chat id (a number, negative for groups) or a @channel name"),
        bad(
            "telegram://1:A@telegram?chats=1&chat=2",
            "chat",
            "unknown query parameter 'chat' (did you mean 'chats'?)"),
        bad(
            "telegram://1:A@telegram?chats=1&channels=2",
            "chats",
            "'chats' and 'channels' are the same parameter; give only one"),
        bad(
            "telegram://1:A@telegram?chats=1&chats=2",
            "chats",
            "the query parameter 'chats' is given twice"),
        bad(
            "telegram://1:A@telegram?chats=1&notification=maybe",
            "notification",
            "notification must be yes or no, not 'maybe'"),
        bad("slack://T0/B0", "token", "expected three tokens separated by /, found 2"),
        bad(
            "slack://hook:XYZ@webhook",
            "token",
            "the botname@… and hook:…@webhook forms are not supported"),
        bad("slack://T0/B0/X-Y", "token-c", "token-c may hold only letters and digits"),
        bad("slack://T0/B0/XYZ?channel=ops", "channel", "unknown query parameter 'channel'"),
        bad("smtp:///?from=a@b.io&to=c@d.io", "host", "the SMTP server's host is missing"),
        bad(
            "smtp://mail.example.com:99999/?from=a@b.io&to=c@d.io",
            "port",
            "the port must be a number from 1 to 65535"),
        bad(
            "smtp://mail.example.com:465/?from=a@b.io&to=c@d.io",
            "port",
            "port 465 expects implicit TLS, which dray does not speak"),
        bad(
            "smtp://dray@mail.example.com/?from=a@b.io&to=c@d.io",
            "password",
            "the user has no password"),
        bad(
            "smtp://:pw@mail.example.com/?from=a@b.io&to=c@d.io",
            "user",
            "the password has no user name"),
        bad(
            "smtp://mail.example.com/inbox?from=a@b.io&to=c@d.io",
            "path",
            "an smtp URL has no path: parameters follow /?"),
        bad("smtp://mail.example.com/?to=c@d.io", "from", "the from parameter is missing"),
        bad("smtp://mail.example.com/?from=a@b.io", "to", "the to parameter is missing"),
        bad(
            "smtp://mail.example.com/?from=a@b.io&to=c@d.io,nobody",
            "to",
            "'nobody' in to is not an e-mail address"),
        bad("smtp://mail.example.com/?from=a@b.io&to=c@d.io,", "to", "to has an empty address"),
        bad(
            "smtp://mail.example.com/?from=a@b.io&to=c@d.io&starttls=sometimes",
            "starttls",
            "starttls must be yes or no, not 'sometimes'"),
        bad(
            "smtp://mail.example.com/?from=a@b.io&to=c@d.io&sbject=x",
            "sbject",
            "unknown query parameter 'sbject' (did you mean 'subject'?)"),
        bad(
            "smtp://mail.example.com/?from=a@b.io&to=c%zz",
            "url", "not a valid URL: malformed escape pair"),
        bad("generic+https:///hook", "host", "the webhook's host is missing"),
        bad(
            "generic+https://example.com:http/hook",
            "port",
            "the port must be a number from 1 to 65535"));
  }

  private static Arguments bad(String url, String part, String problem) {
    return Arguments.of(url, part, problem);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUrls")
  void namesThePartThatIsWrong(String url, String part, String problem) {
    assertThatThrownBy(() -> NotifyUrlParser.parse(3, url, ENV))
        .asInstanceOf(type(NotifyUrlException.class))
        .satisfies(
            e -> {
              assertThat(e.index()).isEqualTo(3);
              assertThat(e.part()).isEqualTo(part);
              assertThat(e.problem()).startsWith(problem);
              assertThat(e.getMessage()).startsWith("notify.urls[3] ").endsWith(e.problem());
              assertThat(e.hint()).isPresent();
            });
  }

  static Stream<Arguments> badUrlsWithSecrets() {
    return Stream.of(
        Arguments.of(
            "smtp://dray:Sup3rSecret@mail.example.com:465/?from=a@b.io&to=c@d.io",
            "Sup3rSecret",
            "smtp://dray:***@mail.example.com:465/"),
        Arguments.of(
            "telegram://123456:SecretTokenValue@telegram?chat=1",
            "SecretTokenValue",
            "telegram://***@telegram?chat=***"),
        Arguments.of("telegram://123456:SecretTokenValue", "SecretTokenValue", "telegram://***"),
        Arguments.of("smtp://dray:pass/word@mail.example.com/?from=a@b.io", "word", "smtp://***"),
        Arguments.of(
            "generic+https://user:hunter22@example.com/hook?key=abcdef&x=%zz",
            "hunter22", "generic+https://***"),
        Arguments.of(
            "generic+https://example.com/hook?key=abcdef&x=%zz", "abcdef", "generic+https://***"),
        Arguments.of(
            "generic+https://example.com:99999/hook?key=abcdef",
            "abcdef",
            "generic+https://example.com:99999/hook?key=***"),
        Arguments.of("slack://T0/B0/SlackSecret?x=1", "SlackSecret", "slack://T0/B0/***?x=***"),
        Arguments.of("slack://SlackSecret", "SlackSecret", "slack://***"),
        Arguments.of(
            "telegram://${TG_TOKEN}@telegram?chats=x",
            "EnvTokenSecret",
            "telegram://***@telegram?chats=x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUrlsWithSecrets")
  void neverShowsTheSecretsOfABadUrl(String url, String secret, String shown) {
    assertThatThrownBy(() -> NotifyUrlParser.parse(0, url, ENV))
        .isInstanceOf(NotifyUrlException.class)
        .satisfies(
            e -> {
              NotifyUrlException error = (NotifyUrlException) e;
              assertThat(error.getMessage()).contains(shown).doesNotContain(secret);
              assertThat(error.toString()).doesNotContain(secret);
              assertThat(error.hint())
                  .hasValueSatisfying(h -> assertThat(h).doesNotContain(secret));
              assertThat(error.url()).startsWith(shown);
            });
  }

  @Test
  void keepsTheOrderOfChats() {
    TelegramUrl url = (TelegramUrl) parse("telegram://1:A@telegram?chats=3,1,2");

    assertThat(url.chats()).isEqualTo(List.of("3", "1", "2"));
  }

  @Test
  void wipesTheTokenAndEnvironmentValuesFromOtherText() {
    TelegramUrl url = (TelegramUrl) parse("telegram://${TG_TOKEN}@telegram?chats=1");

    assertThat(url.redaction().scrub("POST /bot123456:EnvTokenSecret/sendMessage failed"))
        .isEqualTo("POST /bot***/sendMessage failed");
    assertThat(url.redaction().scrub("POST /bot123456%3AEnvTokenSecret/sendMessage failed"))
        .isEqualTo("POST /bot***/sendMessage failed");
  }
}
