package io.kanzen.testkit;

import io.kanzen.api.Plugin;

class FakePluginContractTest extends PluginContractTest {
    @Override
    protected Plugin plugin() {
        return new FakePlugin();
    }
}
