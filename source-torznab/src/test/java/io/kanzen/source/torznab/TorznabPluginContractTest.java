package io.kanzen.source.torznab;

import io.kanzen.api.Plugin;
import io.kanzen.testkit.PluginContractTest;

class TorznabPluginContractTest extends PluginContractTest {
    @Override
    protected Plugin plugin() {
        return new TorznabPlugin();
    }
}
