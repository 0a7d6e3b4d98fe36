package io.kanzen.client.amule;

import io.kanzen.api.Plugin;
import io.kanzen.testkit.PluginContractTest;

class AmulePluginContractTest extends PluginContractTest {
    @Override
    protected Plugin plugin() {
        return new AmulePlugin();
    }
}
