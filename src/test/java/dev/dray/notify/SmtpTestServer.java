package dev.dray.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on 127.0.0.1 for tests: EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT, no STARTTLS. It records each mail and the login it was given, and can be told to
 * refuse recipients or logins.
 */
final class SmtpTestServer implements AutoCloseable {
  /** One mail as the server received it. */
  record Received(String login, String mailFrom, List<String> rcptTo, String data) {}

  private final ServerSocket socket;
  private final Thread acceptor;
  private final List<Received> mails = new CopyOnWriteArrayList<>();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private volatile boolean refuseRecipients;
  private volatile boolean refuseLogin;

  SmtpTestServer() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofPlatform().daemon().name("smtp-test-server").start(this::acceptLoop);
  }

  int port() {
    return socket.getLocalPort();
  }

  List<Received> mails() {
    return List.copyOf(mails);
  }

  /** Every command line the server read, AUTH lines included (they hold the login). */
  List<String> commands() {
    return List.copyOf(commands);
  }

  void refuseRecipients() {
    refuseRecipients = true;
  }

  void refuseLogin() {
    refuseLogin = true;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(10_000);
        converse(client);
      } catch (IOException e) {
        // closed, or the client went away: wait for the next one
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = client.getOutputStream();
    reply(out, "220 localhost test SMTP");
    String login = null;
    String from = null;
    List<String> to = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      commands.add(line);
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> reply(out, "250-localhost\r\n250-AUTH PLAIN\r\n250-8BITMIME\r\n250 OK");
        case "HELO", "NOOP" -> reply(out, "250 OK");
        case "AUTH" -> {
          String[] parts = line.split(" ");
          String initial = parts.length > 2 ? parts[2] : null;
          if (initial == null) {
            reply(out, "334 ");
            initial = in.readLine();
            commands.add(initial);
          }
          String[] plain =
              new String(Base64.getDecoder().decode(initial), StandardCharsets.UTF_8).split("\0");
          if (refuseLogin) {
            reply(out, "535 5.7.8 Authentication credentials invalid");
          } else {
            login = plain[1] + ":" + plain[2];
            reply(out, "235 2.7.0 Authentication successful");
          }
        }
        case "MAIL" -> {
          from = address(line);
          reply(out, "250 OK");
        }
        case "RCPT" -> {
          if (refuseRecipients) {
            reply(out, "550 5.1.1 no such user here");
          } else {
            to.add(address(line));
            reply(out, "250 OK");
          }
        }
        case "DATA" -> {
          reply(out, "354 end with <CRLF>.<CRLF>");
          StringBuilder data = new StringBuilder();
          for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
          }
          mails.add(new Received(login, from, List.copyOf(to), data.toString()));
          to.clear();
          reply(out, "250 OK queued");
        }
        case "RSET" -> {
          to.clear();
          reply(out, "250 OK");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 command not implemented");
      }
    }
  }

  private static String address(String line) {
    return line.substring(line.indexOf('<') + 1, line.indexOf('>'));
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
