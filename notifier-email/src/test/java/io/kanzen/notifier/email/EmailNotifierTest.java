package io.kanzen.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginException;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.testkit.NotifierContractTest;
import io.kanzen.testkit.SilentPeer;
import io.kanzen.testkit.daemon.LocalDaemon;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The notifier contract against GreenMail, a real SMTP server on a free local port, with a user who must log in. */
class EmailNotifierTest extends NotifierContractTest {
    private static final String PASSWORD = "s3cretpa55";
    private static final String WRONG_PASSWORD = "wr0ngpa55";

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("kanzen@example.org", "kanzen", PASSWORD));

    private Map<String, String> settings(int port, String password) {
        Map<String, String> s = new HashMap<>();
        s.put("host", "127.0.0.1");
        s.put("port", Integer.toString(port));
        s.put("security", "none"); // GreenMail's plain SMTP port; STARTTLS is the default for real servers
        s.put("username", "kanzen");
        s.put("password", password);
        s.put("from", "Kanzen <kanzen@example.org>");
        s.put("to", "collectionneur@example.fr, ami@example.fr");
        return s;
    }

    private Notifier make(Map<String, String> settings) {
        NotifierFactory f = EmailNotifier.factory();
        return f.create(PluginConfig.of(f.configProperties(), settings), context);
    }

    @Override
    protected Notifier givenAPeerThatAccepts() {
        return make(settings(smtp.getSmtp().getPort(), PASSWORD));
    }

    @Override
    protected String receivedText() throws Exception {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage m = received[0];
        assertThat(m.getFrom()).containsExactly(new InternetAddress("Kanzen <kanzen@example.org>"));
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("collectionneur@example.fr", "ami@example.fr");
        assertThat(m.getSubject()).isEqualTo("[Kanzen] " + sampleNotification().title());
        assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(m.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(m.getHeader("Content-Language")).containsExactly("fr");
        return m.getSubject() + "\n" + m.getContent();
    }

    @Override
    protected Notifier givenAPeerRefusingTheCredentials() {
        return make(settings(smtp.getSmtp().getPort(), WRONG_PASSWORD));
    }

    @Override
    protected Notifier givenAPeerThatIsDown() {
        return make(settings(LocalDaemon.freePort(), PASSWORD));
    }

    @Override
    protected Notifier givenAPeerThatNeverAnswers(SilentPeer peer) {
        return make(settings(peer.port(), PASSWORD));
    }

    @Override
    protected List<String> secrets() {
        return List.of(PASSWORD, WRONG_PASSWORD);
    }

    @Test
    void a_wrong_address_or_security_is_a_configuration_error() {
        Map<String, String> badTo = settings(smtp.getSmtp().getPort(), PASSWORD);
        badTo.put("to", "not an address");
        assertThatThrownBy(() -> make(badTo)).isInstanceOfSatisfying(PluginException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(e.getMessage()).contains("'not an address' is not a mail address");
        });
        Map<String, String> badSecurity = settings(smtp.getSmtp().getPort(), PASSWORD);
        badSecurity.put("security", "tls13");
        assertThatThrownBy(() -> make(badSecurity)).isInstanceOfSatisfying(PluginException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
    }

    @Test
    void with_starttls_asked_a_server_that_lacks_it_gets_no_password_and_no_mail() {
        Map<String, String> starttls = settings(smtp.getSmtp().getPort(), PASSWORD);
        starttls.put("security", "starttls"); // GreenMail's plain port offers no STARTTLS
        try (Notifier n = make(starttls)) {
            assertThatThrownBy(() -> n.send(sampleNotification())).isInstanceOfSatisfying(PluginException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                assertThat(e.getMessage()).contains("offers no STARTTLS").doesNotContain(PASSWORD);
            });
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
