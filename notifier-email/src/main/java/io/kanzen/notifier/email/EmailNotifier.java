package io.kanzen.notifier.email;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * One plain-text mail per notification, through an SMTP server (a mailbox provider's, or one's own): STARTTLS on 587 by
 * default, SSL on 465, or plain for a relay on the local network.
 */
final class EmailNotifier implements Notifier {
    static final String NAME = "email";
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("host", "SMTP server", ConfigType.STRING).asRequired().withDescription("Such as smtp.gmail.com or smtp.free.fr."),
            ConfigProperty.of("port", "Port", ConfigType.INTEGER).withDefault("587"),
            ConfigProperty.of("security", "Security", ConfigType.STRING).withDefault("starttls")
                    .withDescription("starttls (port 587), ssl (port 465) or none (a relay on your own network)."),
            ConfigProperty.of("username", "User", ConfigType.STRING).withDescription("Empty when the server needs no login."),
            ConfigProperty.of("password", "Password", ConfigType.STRING).asSecret()
                    .withDescription("For Gmail and most providers: an application password, not the account's."),
            ConfigProperty.of("from", "From", ConfigType.STRING).asRequired().withDescription("The sender address, such as kanzen@example.org."),
            ConfigProperty.of("to", "To", ConfigType.LIST).asRequired().withDescription("One or more addresses, comma-separated."),
            ConfigProperty.of("subjectPrefix", "Subject prefix", ConfigType.STRING).withDefault("[Kanzen]"));

    enum Security {
        STARTTLS, SSL, NONE
    }

    static NotifierFactory factory() {
        return NotifierFactory.of(NAME, SETTINGS, (config, context) -> {
            Security security;
            try {
                security = Security.valueOf(config.string("security").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PluginException(ErrorKind.CONFIGURATION, "'security' is starttls, ssl or none");
            }
            String host = config.string("host");
            int port = (int) config.integer("port");
            return new EmailNotifier(host, port, security, config.get("username").orElse(null), config.get("password").orElse(null),
                    address(config.string("from")), config.list("to").stream().map(EmailNotifier::address).toList(),
                    config.string("subjectPrefix"), context.http(), context.rateLimiter(host + ":" + port));
        });
    }

    private static InternetAddress address(String text) {
        try {
            InternetAddress a = new InternetAddress(text, true);
            a.validate();
            return a;
        } catch (AddressException e) {
            throw new PluginException(ErrorKind.CONFIGURATION, "'" + text + "' is not a mail address");
        }
    }

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final InternetAddress from;
    private final List<InternetAddress> to;
    private final String subjectPrefix;
    private final RateLimiter limiter;
    private final Session session;

    EmailNotifier(String host, int port, Security security, String username, String password, InternetAddress from, List<InternetAddress> to,
            String subjectPrefix, HttpSettings timeouts, RateLimiter limiter) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.from = from;
        this.to = List.copyOf(to);
        this.subjectPrefix = subjectPrefix;
        this.limiter = limiter;
        String protocol = security == Security.SSL ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", host);
        p.put("mail." + protocol + ".port", Integer.toString(port));
        p.put("mail." + protocol + ".auth", Boolean.toString(username != null));
        p.put("mail." + protocol + ".connectiontimeout", Long.toString(timeouts.connectTimeout().toMillis()));
        p.put("mail." + protocol + ".timeout", Long.toString(timeouts.readTimeout().toMillis()));
        p.put("mail." + protocol + ".writetimeout", Long.toString(timeouts.readTimeout().toMillis()));
        if (security == Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true"); // never fall back to sending the password in clear
        }
        if (security != Security.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(Notification n) {
        MimeMessage mail = new MimeMessage(session);
        try {
            mail.setFrom(from);
            mail.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
            mail.setSubject((subjectPrefix.isBlank() ? "" : subjectPrefix.strip() + " ") + n.title(), StandardCharsets.UTF_8.name());
            mail.setText(n.message().isEmpty() ? n.title() : n.message(), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(n.at()));
            mail.setHeader("Content-Language", n.language());
        } catch (MessagingException e) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "the mail cannot be written: " + e.getMessage());
        }
        limiter.acquire();
        // Jakarta Mail finds its SMTP provider through the context class loader: make it the plugin's own
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailNotifier.class.getClassLoader());
        try (Transport transport = session.getTransport()) {
            transport.connect(host, port, username, password);
            transport.sendMessage(mail, mail.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "the SMTP server " + host + " refused the user or password");
        } catch (SendFailedException e) {
            throw new PluginException(ErrorKind.CONFIGURATION, "the SMTP server " + host + " refused the addresses: " + firstLine(e.getMessage()));
        } catch (MessagingException e) {
            throw failure(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private PluginException failure(MessagingException e) {
        if (e.getMessage() != null && e.getMessage().contains("STARTTLS is required")) {
            return new PluginException(ErrorKind.CONFIGURATION, "the SMTP server " + host + ":" + port
                    + " offers no STARTTLS, so nothing was sent (the password would travel in clear): use security=ssl, or none on a local relay");
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException) {
                return new PluginException(ErrorKind.UNAVAILABLE, "the SMTP server " + host + ":" + port + " does not answer");
            }
            if (c instanceof SocketTimeoutException) {
                return new PluginException(ErrorKind.UNAVAILABLE, "the SMTP server " + host + ":" + port + " did not reply in time");
            }
        }
        return new PluginException(ErrorKind.UNAVAILABLE, "sending through " + host + ":" + port + " failed: " + firstLine(e.getMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        String line = s.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
