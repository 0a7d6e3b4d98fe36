package io.kanzen.notifier.email;

import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.notify.NotifierFactory;
import java.util.List;

/** Notifications by email, through the user's SMTP server. */
public final class EmailPlugin implements Plugin {
    @Override
    public String name() {
        return "notifier-email";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<NotifierFactory> notifierFactories() {
        return List.of(EmailNotifier.factory());
    }
}
