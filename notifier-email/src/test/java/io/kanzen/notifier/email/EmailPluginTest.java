package io.kanzen.notifier.email;

import io.kanzen.api.Plugin;
import io.kanzen.testkit.PluginContractTest;

class EmailPluginTest extends PluginContractTest {
    @Override
    protected Plugin plugin() {
        return new EmailPlugin();
    }
}
